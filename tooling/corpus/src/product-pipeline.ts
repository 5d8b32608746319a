/**
 * One product version through the whole chain: import its api-docs metadata into a spec, generate
 * its three packages from that spec, and type-check them. The work happens in a folder of its own.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateProducts } from "@acs-sdk/generate";
import {
  formatDiagnostic as formatImportDiagnostic,
  ImportError,
  type ImportedSpec,
  importSpecs,
} from "@acs-sdk/importer";
import { formatDiagnostic, GENERATED_DIR } from "@acs-sdk/spec-loader";
import type { MetadataFile } from "./find-metadata.js";
import { measureTree } from "./tree-size.js";
import { linkPackages, type TypeChecker, writeTypeCheckConfig } from "./type-check.js";

/** The steps of the chain, in order. */
export type PipelinePhase = "import" | "generate" | "typecheck";

/** The failed phase of a product and the problems reported. */
export interface PipelineFailure {
  readonly phase: PipelinePhase;
  readonly message: string;
}

/** The outcome of one product version. */
export interface ProductResult {
  readonly product: string;
  readonly version: string;
  /** `info.style` of the metadata (`RPC`, `ROA`, `FC`, …); `?` when the file has none. */
  readonly style: string;
  readonly operations: number;
  /** Import warnings (notes not counted). */
  readonly warnings: number;
  /** Wall time of the whole chain. */
  readonly milliseconds: number;
  /** Wall time of each phase that ran. */
  readonly phases: Readonly<Partial<Record<PipelinePhase, number>>>;
  /** Files and bytes of the three `src/generated/` folders. */
  readonly generatedFiles: number;
  readonly generatedBytes: number;
  /** Absent when every phase passed. */
  readonly failure?: PipelineFailure;
}

/** One product version to process. */
export interface ProductJob {
  readonly metadata: MetadataFile;
  /** An empty folder for this product's specs, packages and tsconfig. */
  readonly workDir: string;
  /** The repository's shared tsconfig, which the generated packages are checked with. */
  readonly baseConfig: string;
}

/** Maximum number of diagnostics a failure message lists; the rest are counted. */
const MESSAGE_DIAGNOSTICS = 20;

function listMessages(lines: readonly string[]): string {
  const listed = lines.slice(0, MESSAGE_DIAGNOSTICS);
  const more = lines.length - listed.length;
  return more > 0 ? `${listed.join("\n")}\n… and ${more} more` : listed.join("\n");
}

/** Reads `info.style` of metadata that the importer has already read successfully. */
async function readStyle(path: string): Promise<string> {
  const docs = JSON.parse(await readFile(path, "utf8")) as { info?: { style?: unknown } };
  const style = docs.info?.style;
  return typeof style === "string" ? style : "?";
}

/** Thrown inside the chain to end it with a failure of one phase. */
class PhaseFailure extends Error {
  constructor(
    readonly phase: PipelinePhase,
    message: string,
  ) {
    super(message);
  }
}

async function importPhase(job: ProductJob): Promise<ImportedSpec> {
  try {
    const [imported] = await importSpecs([job.metadata.path], {
      outDir: join(job.workDir, "specs"),
    });
    if (imported === undefined) {
      throw new PhaseFailure("import", "The importer returned no spec.");
    }
    return imported;
  } catch (error) {
    if (error instanceof ImportError) {
      const errors = error.diagnostics.filter((item) => item.severity === "error");
      throw new PhaseFailure("import", listMessages(errors.map(formatImportDiagnostic)));
    }
    throw error;
  }
}

async function generatePhase(job: ProductJob, product: string): Promise<void> {
  const outcome = await generateProducts({
    specsRoot: join(job.workDir, "specs"),
    packagesRoot: join(job.workDir, "packages"),
    products: [product],
  });
  if (!outcome.ok) {
    throw new PhaseFailure("generate", listMessages(outcome.diagnostics.map(formatDiagnostic)));
  }
}

/** A generated package: its npm name and its directory. */
interface GeneratedPackageDir {
  readonly name: string;
  readonly dir: string;
}

/** Lists the packages the generators wrote under `packagesRoot`, named by their package.json. */
async function listPackages(packagesRoot: string): Promise<GeneratedPackageDir[]> {
  const packages: GeneratedPackageDir[] = [];
  for (const entry of await readdir(packagesRoot, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const dir = join(packagesRoot, entry.name);
      const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
      packages.push({ name: (manifest as { name: string }).name, dir });
    }
  }
  return packages;
}

async function typeCheckPhase(
  job: ProductJob,
  packages: readonly GeneratedPackageDir[],
  checker: TypeChecker,
) {
  await linkPackages(job.workDir, packages);
  const result = checker.check(await writeTypeCheckConfig(job.workDir, job.baseConfig));
  if (result.errors > 0) {
    const lines = result.text.trimEnd().split(/\n(?=\S)/);
    throw new PhaseFailure("typecheck", `${result.errors} error(s)\n${listMessages(lines)}`);
  }
}

/**
 * Runs the chain for one product version. Every error of a phase, expected or not, is caught and
 * returned as the result's `failure` with the phase that failed. Without a `checker` the type
 * check is skipped.
 */
export async function runProductPipeline(
  job: ProductJob,
  checker?: TypeChecker,
): Promise<ProductResult> {
  const started = performance.now();
  const phases: Partial<Record<PipelinePhase, number>> = {};
  let phase: PipelinePhase = "import";
  let style = "?";
  let imported: ImportedSpec | undefined;
  let generated = { files: 0, bytes: 0 };
  const timed = async <T>(name: PipelinePhase, run: () => Promise<T>): Promise<T> => {
    phase = name;
    const phaseStarted = performance.now();
    const value = await run();
    phases[name] = Math.round(performance.now() - phaseStarted);
    return value;
  };
  let failure: PipelineFailure | undefined;
  try {
    const spec = await timed("import", () => importPhase(job));
    imported = spec;
    style = await readStyle(job.metadata.path);
    await timed("generate", () => generatePhase(job, spec.product));
    const packages = await listPackages(join(job.workDir, "packages"));
    for (const item of packages) {
      const size = await measureTree(join(item.dir, GENERATED_DIR));
      generated = { files: generated.files + size.files, bytes: generated.bytes + size.bytes };
    }
    if (checker !== undefined) {
      await timed("typecheck", () => typeCheckPhase(job, packages, checker));
    }
  } catch (error) {
    failure =
      error instanceof PhaseFailure
        ? { phase: error.phase, message: error.message }
        : {
            phase,
            message: error instanceof Error ? (error.stack ?? error.message) : String(error),
          };
  }
  return {
    product: job.metadata.product,
    version: job.metadata.version,
    style,
    operations: imported?.operationCount ?? 0,
    warnings: imported?.diagnostics.filter((item) => item.severity === "warning").length ?? 0,
    milliseconds: Math.round(performance.now() - started),
    phases,
    generatedFiles: generated.files,
    generatedBytes: generated.bytes,
    ...(failure === undefined ? {} : { failure }),
  };
}
