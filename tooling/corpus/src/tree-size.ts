import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/** Number of files below a folder and their total size. */
export interface TreeSize {
  readonly files: number;
  readonly bytes: number;
}

/** Counts the files below `dir`, at any depth, and adds up their sizes. */
export async function measureTree(dir: string): Promise<TreeSize> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      files += 1;
      bytes += (await stat(join(entry.parentPath, entry.name))).size;
    }
  }
  return { files, bytes };
}
