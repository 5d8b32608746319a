import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A temporary directory standing in for a home directory; `remove` deletes it. */
export interface TempDir {
  readonly path: string;
  /** Writes a file below the directory, creating parent folders. */
  write(relativePath: string, content: string): Promise<string>;
  remove(): Promise<void>;
}

export async function createTempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), "acs-credentials-"));
  return {
    path,
    async write(relativePath, content) {
      const file = join(path, relativePath);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}
