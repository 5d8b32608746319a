// Every file a benchmark run writes goes below one temporary folder, which run.ts removes at the
// end, so that runs leave nothing behind in the system's temporary folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let root: string | undefined;

/** Creates a fresh folder named after `purpose` below the run's temporary folder. */
export function scratchDir(purpose: string): string {
  root ??= mkdtempSync(join(tmpdir(), "acs-sdk-bench-runtime-"));
  return mkdtempSync(join(root, `${purpose}-`));
}

/** Removes the run's temporary folder and everything in it. */
export function removeScratch(): void {
  if (root !== undefined) {
    rmSync(root, { recursive: true, force: true });
    root = undefined;
  }
}
