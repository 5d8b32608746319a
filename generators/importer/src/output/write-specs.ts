/**
 * Writes imported documents to `<out>/<product>/<version>/openapi.yaml`. Every file is first
 * written into a temporary folder under `<out>` and then renamed into place, so a reader never
 * sees half a file and a failed import leaves the tree as it was. Overlays beside a spec are
 * never touched.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { BASE_DOCUMENT_FILE, OVERLAY_FILE_SUFFIX } from "@acs-sdk/spec-loader";
import { DiagnosticCollector, ImportError } from "../diagnostics.js";
import { hasOrigin } from "./spec-yaml.js";

/** One document to write. */
export interface SpecFile {
  readonly product: string;
  readonly version: string;
  readonly yaml: string;
  /** The metadata it came from, for diagnostics. */
  readonly source: string;
}

/** Where a document was written and the overlays found beside it. */
export interface WrittenSpec {
  readonly path: string;
  /** Overlay files in the spec folder, sorted by name, as generation applies them. */
  readonly overlays: readonly string[];
}

/** Options of {@link writeSpecFiles}. */
export interface WriteOptions {
  /** Replace an existing openapi.yaml that the importer did not write. */
  readonly force?: boolean;
  /** `x-acs-origin` value that marks a document the importer may replace. */
  readonly origin: string;
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

/** Overlay files in `dir`, sorted by name as generation applies them; none when it is missing. */
export async function listOverlays(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith(OVERLAY_FILE_SUFFIX))
    .sort()
    .map((name) => join(dir, name));
}

/** Refuses, before anything is written, to replace a hand-written document. */
async function checkTargets(
  outDir: string,
  files: readonly SpecFile[],
  options: WriteOptions,
): Promise<void> {
  const problems = [];
  for (const file of files) {
    const target = join(outDir, file.product, file.version, BASE_DOCUMENT_FILE);
    const existing = await readIfExists(target);
    if (existing !== undefined && options.force !== true && !hasOrigin(existing, options.origin)) {
      const collector = new DiagnosticCollector(file.source, file.product);
      collector.report(
        "output-hand-written",
        "",
        `${target} has no \`x-acs-origin: ${options.origin}\``,
      );
      problems.push(...collector.list());
    }
  }
  if (problems.length > 0) {
    throw new ImportError(problems);
  }
}

/**
 * Writes every file or, when one cannot be written, none. Throws an {@link ImportError} with
 * `output-hand-written` or `output-write-failed`.
 */
export async function writeSpecFiles(
  outDir: string,
  files: readonly SpecFile[],
  options: WriteOptions,
): Promise<WrittenSpec[]> {
  await checkTargets(outDir, files, options);
  let staging: string | undefined;
  try {
    await mkdir(outDir, { recursive: true });
    staging = await mkdtemp(join(outDir, ".import-"));
    const staged = files.map((file) => ({
      file,
      temporary: join(staging as string, file.product, file.version, BASE_DOCUMENT_FILE),
      target: join(outDir, file.product, file.version, BASE_DOCUMENT_FILE),
    }));
    for (const { file, temporary, target } of staged) {
      await mkdir(dirname(temporary), { recursive: true });
      await writeFile(temporary, file.yaml, "utf8");
      await mkdir(dirname(target), { recursive: true });
    }
    const written: WrittenSpec[] = [];
    for (const { temporary, target } of staged) {
      await rename(temporary, target);
      written.push({ path: target, overlays: await listOverlays(dirname(target)) });
    }
    return written;
  } catch (error) {
    const collector = new DiagnosticCollector(outDir);
    const reason = error instanceof Error ? error.message : String(error);
    collector.report("output-write-failed", "", `writing under ${outDir} failed: ${reason}`);
    throw new ImportError(collector.list());
  } finally {
    if (staging !== undefined) {
      await rm(staging, { recursive: true, force: true });
    }
  }
}
