/**
 * Work folders for tests that generate whole products. They live under test/.tmp (ignored by
 * git) inside the repository, so that generated packages resolve the runtime from it.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const TEMP_ROOT = fileURLToPath(new URL("../.tmp/", import.meta.url));

/** The 2024-06-24 snapshot of Alibaba's api-docs metadata, read-only. */
export const METADATA_ROOT = fileURLToPath(
  new URL("../../../../../shared/alibaba-api-metadata/2024-06-24", import.meta.url),
);

/** Creates an empty folder; `remove` deletes it with everything in it. */
export async function createWorkDir(
  prefix: string,
): Promise<{ readonly dir: string; remove(): Promise<void> }> {
  await mkdir(TEMP_ROOT, { recursive: true });
  const dir = await mkdtemp(join(TEMP_ROOT, `${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
