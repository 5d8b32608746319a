/**
 * Writes generated packages so that a failure never leaves a half-written `src/generated/`:
 * every package is first written to a staging directory beside it, and only when all are staged
 * are the directories swapped in with renames.
 */
import { access, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { GENERATED_DIR, type GeneratedFile, type GeneratedPackage } from "@acs-sdk/spec-loader";

/** Staging directory of a package, at the package root so that no tsconfig includes it. */
const STAGING_DIR = ".generated-staging";
/** Temporary name of the previous generated directory while the new one moves in. */
const PREVIOUS_DIR = ".generated-previous";

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Files written at once. A product has up to about 700 files per package; writing them one
 * after another left the process waiting on each write.
 */
const PARALLEL_WRITES = 32;

async function writeFiles(root: string, files: readonly GeneratedFile[]): Promise<void> {
  const paths = files.map((file) => join(root, file.path));
  for (const dir of new Set(paths.map((path) => dirname(path)))) {
    await mkdir(dir, { recursive: true });
  }
  for (let start = 0; start < files.length; start += PARALLEL_WRITES) {
    const batch = files.slice(start, start + PARALLEL_WRITES);
    await Promise.all(
      batch.map((file, index) => writeFile(paths[start + index] as string, file.content)),
    );
  }
}

/** A package whose generated files wait in a staging directory. */
export interface StagedPackage {
  readonly generated: GeneratedPackage;
  /** The package directory (`packages/hbr-types`). */
  readonly dir: string;
}

/** Writes a package's generated files to its staging directory. */
export async function stagePackage(
  packagesRoot: string,
  generated: GeneratedPackage,
): Promise<StagedPackage> {
  const dir = join(packagesRoot, generated.dir);
  const staging = join(dir, STAGING_DIR);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await writeFiles(staging, generated.files);
  return { generated, dir };
}

/** Removes the staging directories of packages that will not be committed. */
export async function discardStaged(staged: readonly StagedPackage[]): Promise<void> {
  await Promise.all(
    staged.map((item) => rm(join(item.dir, STAGING_DIR), { recursive: true, force: true })),
  );
}

/**
 * Moves each staged directory into place as `src/generated/` and writes the scaffold files that
 * are missing. Existing scaffold files are never touched.
 */
export async function commitStaged(staged: readonly StagedPackage[]): Promise<void> {
  for (const { generated, dir } of staged) {
    const target = join(dir, GENERATED_DIR);
    const previous = join(dir, PREVIOUS_DIR);
    await rm(previous, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    const hadPrevious = await exists(target);
    if (hadPrevious) {
      await rename(target, previous);
    }
    try {
      await rename(join(dir, STAGING_DIR), target);
    } catch (error) {
      if (hadPrevious) {
        await rename(previous, target);
      }
      throw error;
    }
    await rm(previous, { recursive: true, force: true });
    const missing: GeneratedFile[] = [];
    for (const file of generated.scaffold) {
      if (!(await exists(join(dir, file.path)))) {
        missing.push(file);
      }
    }
    await writeFiles(dir, missing);
  }
}
