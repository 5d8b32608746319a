/**
 * Writes imported documents to `<out>/<product>/<version>/openapi.yaml`. Every file is first
 * written into a staging folder under `<out>` and renamed into place only when the whole batch
 * succeeded, so a reader never sees half a file and a failed import leaves the tree as it was.
 * Overlays beside a spec are never touched.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { BASE_DOCUMENT_FILE, OVERLAY_FILE_SUFFIX } from "@acs-sdk/spec-loader";
import { type Diagnostic, DiagnosticCollector, ImportError } from "../diagnostics.js";
import { hasOrigin } from "./spec-yaml.js";

/** One document to write. */
export interface SpecFile {
  readonly product: string;
  readonly version: string;
  readonly yaml: string;
  /** The metadata it came from, for diagnostics. */
  readonly source: string;
}

/** The location of a written document and the overlays found beside it. */
export interface WrittenSpec {
  readonly path: string;
  /** Overlay files in the spec folder, sorted by name, as generation applies them. */
  readonly overlays: readonly string[];
}

/** Options of a {@link SpecStaging}. */
export interface StagingOptions {
  /** Replace an existing openapi.yaml that the importer did not write. */
  readonly force?: boolean;
  /** `x-acs-origin` value that marks a document the importer may replace. */
  readonly origin: string;
}

/** Returns the path of the base document of `product`/`version` under `outDir`. */
export function specPath(outDir: string, product: string, version: string): string {
  return join(outDir, product, version, BASE_DOCUMENT_FILE);
}

/** Overlay files in `dir`, sorted by name as generation applies them; none when it is missing. */
export async function listOverlays(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith(OVERLAY_FILE_SUFFIX))
    .sort()
    .map((name) => join(dir, name));
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    throw error;
  }
}

function writeFailure(outDir: string, error: unknown): ImportError {
  const collector = new DiagnosticCollector(outDir);
  const reason = error instanceof Error ? error.message : String(error);
  collector.report("output-write-failed", "", `writing under ${outDir} failed: ${reason}`);
  return new ImportError(collector.list());
}

/**
 * A batch of documents written to a staging folder: {@link add} each one, then {@link commit} to
 * rename all of them into place, or {@link discard} to leave the output tree as it was. Nothing
 * touches the disk before the first {@link add}.
 */
export class SpecStaging {
  private readonly staged: { temporary: string; target: string }[] = [];
  private folder: string | undefined;
  /** The first folder that {@link add} had to create, removed again by {@link discard}. */
  private createdRoot: string | undefined;
  private committed = false;

  constructor(
    private readonly outDir: string,
    private readonly options: StagingOptions,
  ) {}

  private async stagingFolder(): Promise<string> {
    if (this.folder === undefined) {
      this.createdRoot = await mkdir(this.outDir, { recursive: true });
      this.folder = await mkdtemp(join(this.outDir, ".import-"));
    }
    return this.folder;
  }

  /**
   * Stages one document. Returns an `output-hand-written` error diagnostic, and stages nothing,
   * when the target exists and was not written by the importer (unless forced).
   */
  async add(file: SpecFile): Promise<Diagnostic[]> {
    const target = specPath(this.outDir, file.product, file.version);
    try {
      const existing = await readIfExists(target);
      if (
        existing !== undefined &&
        this.options.force !== true &&
        !hasOrigin(existing, this.options.origin)
      ) {
        const collector = new DiagnosticCollector(file.source, file.product);
        const message = `${target} has no \`x-acs-origin: ${this.options.origin}\``;
        collector.report("output-hand-written", "", message);
        return collector.list();
      }
      const temporary = specPath(await this.stagingFolder(), file.product, file.version);
      await mkdir(dirname(temporary), { recursive: true });
      await writeFile(temporary, file.yaml, "utf8");
      this.staged.push({ temporary, target });
      return [];
    } catch (error) {
      throw writeFailure(this.outDir, error);
    }
  }

  /** Renames every staged document into place and removes the staging folder. */
  async commit(): Promise<WrittenSpec[]> {
    try {
      const written: WrittenSpec[] = [];
      for (const { temporary, target } of this.staged) {
        await mkdir(dirname(target), { recursive: true });
        await rename(temporary, target);
        written.push({ path: target, overlays: await listOverlays(dirname(target)) });
      }
      this.committed = true;
      return written;
    } catch (error) {
      throw writeFailure(this.outDir, error);
    } finally {
      await this.discard();
    }
  }

  /** Removes the staging folder, and the output folder too when staging created it for nothing. */
  async discard(): Promise<void> {
    if (this.folder !== undefined) {
      await rm(this.folder, { recursive: true, force: true });
    }
    if (!this.committed && this.createdRoot !== undefined) {
      await rm(this.createdRoot, { recursive: true, force: true });
    }
  }
}
