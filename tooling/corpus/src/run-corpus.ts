/**
 * The corpus run: every product version of a metadata folder goes through import, generation and
 * the type check, spread over worker processes. Each product gets its own work folder below the
 * repository, so that generated packages resolve the runtime and `@types/node` from it.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { findMetadataFiles, type MetadataFile } from "./find-metadata.js";
import type { ProductJob, ProductResult } from "./product-pipeline.js";
import { runInWorkers } from "./worker-pool.js";

/** The repository root, which contains the work folders and the shared tsconfig. */
export const REPOSITORY_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Parent folder of the work folders, below the repository root and ignored by git. */
const WORK_PARENT = join(REPOSITORY_ROOT, ".tmp", "corpus");

/** The compiler settings every package of the repository is checked with. */
const BASE_CONFIG = join(REPOSITORY_ROOT, "tooling/tsconfig/base.json");

/**
 * Resident memory after which a worker is replaced. Over the whole 2024-06-24 metadata a worker
 * peaked at 650 to 770 MiB with type checks (on sas, 679 operations), so this replaces a worker
 * after the largest products and keeps slow growth over hundreds of products in check.
 */
const RECYCLE_RSS_BYTES = 700 * 1024 * 1024;
/** V8 heap limit of a worker: garbage is collected before a worker grows far past the above. */
const MAX_OLD_SPACE_MB = 1024;

/** Options of a corpus run. */
export interface CorpusOptions {
  /** Folder laid out as `<product>/<version>/api-docs.json`. */
  readonly root: string;
  /** Worker processes; defaults to the number of cores. */
  readonly jobs?: number;
  /** Type-check the generated packages; default true. */
  readonly typecheck?: boolean;
  /** Only these products (`hbr`) or product versions (`hbr/2017-09-08`). */
  readonly only?: readonly string[];
  /** Keep the work folder with every product's specs and packages; default false. */
  readonly keep?: boolean;
  /** Called once the products are known, before any runs. */
  readonly onStart?: (files: readonly MetadataFile[]) => void;
  /** Called as each product finishes. */
  readonly onResult?: (result: ProductResult) => void;
}

/** The outcome of a corpus run. */
export interface CorpusReport {
  /** One result per product version, sorted by product and version. */
  readonly results: readonly ProductResult[];
  /** Wall time of the whole run. */
  readonly milliseconds: number;
  /** Highest resident memory of the command and its workers together (0 off Linux). */
  readonly peakTotalBytes: number;
  /** Highest peak resident memory of a single worker. */
  readonly peakWorkerBytes: number;
  readonly workers: number;
  /** The work folder; it exists only when `keep` was set. */
  readonly workDir: string;
}

/** Tells whether a result passed every phase. */
export function passed(result: ProductResult): boolean {
  return result.failure === undefined;
}

/** Runs the corpus. Throws a `CorpusError` when the folder or `only` names nothing to run. */
export async function runCorpus(options: CorpusOptions): Promise<CorpusReport> {
  const started = performance.now();
  const files = await findMetadataFiles(options.root, options.only);
  options.onStart?.(files);
  await mkdir(WORK_PARENT, { recursive: true });
  const workDir = await mkdtemp(join(WORK_PARENT, "run-"));
  // Largest first, so that the big products do not end up last on one worker.
  const jobs: ProductJob[] = [...files]
    .sort((left, right) => right.bytes - left.bytes)
    .map((metadata) => ({
      metadata,
      workDir: join(workDir, metadata.product, metadata.version),
      baseConfig: BASE_CONFIG,
    }));
  const workers = options.jobs ?? availableParallelism();
  try {
    const report = await runInWorkers(jobs, {
      workers,
      typecheck: options.typecheck ?? true,
      keep: options.keep ?? false,
      recycleRssBytes: RECYCLE_RSS_BYTES,
      maxOldSpaceMb: MAX_OLD_SPACE_MB,
      cwd: REPOSITORY_ROOT,
      ...(options.onResult === undefined ? {} : { onResult: options.onResult }),
    });
    const results = [...report.results].sort(
      (left, right) =>
        left.product.localeCompare(right.product) || left.version.localeCompare(right.version),
    );
    return {
      results,
      milliseconds: Math.round(performance.now() - started),
      peakTotalBytes: report.peakTotalBytes,
      peakWorkerBytes: report.peakWorkerBytes,
      workers: report.workersStarted,
      workDir,
    };
  } finally {
    if (!options.keep) {
      await rm(workDir, { recursive: true, force: true });
    }
  }
}
