/**
 * Throwaway copies of specs and packages for command tests. They live under test/.tmp (ignored by
 * git) so that generated packages resolve @acs-sdk/core and @types/node from the repository.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPOSITORY_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

const HBR_SPEC = join(REPOSITORY_ROOT, "specs/hbr/2017-09-08");
const WIDGETS_SPEC = join(
  REPOSITORY_ROOT,
  "generators/spec-loader/test/fixtures/widgets/2024-01-01",
);
const TEMP_ROOT = fileURLToPath(new URL("../.tmp/", import.meta.url));

/** A specs root and a packages root in one temporary directory. */
export interface Workspace {
  readonly root: string;
  readonly specs: string;
  readonly packages: string;
  remove(): Promise<void>;
}

/** Creates a workspace whose specs root contains copies of the HBR spec and the widgets fixture. */
export async function createWorkspace(): Promise<Workspace> {
  await mkdir(TEMP_ROOT, { recursive: true });
  const root = await mkdtemp(join(TEMP_ROOT, "workspace-"));
  const specs = join(root, "specs");
  const packages = join(root, "packages");
  await cp(HBR_SPEC, join(specs, "hbr/2017-09-08"), { recursive: true });
  await cp(WIDGETS_SPEC, join(specs, "widgets/2024-01-01"), { recursive: true });
  await mkdir(packages);
  return { root, specs, packages, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Reads every file below `dir`, keyed by path relative to `dir`. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(dir, path), await readFile(path, "utf8"));
    }
  }
  return new Map([...files].sort(([left], [right]) => (left < right ? -1 : 1)));
}

/** Output of one command run. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pnpm generate`'s entry point as its own process, from the repository root. */
export function runGenerateCommand(args: readonly string[]): Promise<CommandResult> {
  const main = join(REPOSITORY_ROOT, "generators/cli/src/main.ts");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=@acs-sdk/source", "--import", "tsx", main, ...args],
      { cwd: REPOSITORY_ROOT, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        let exitCode = 0;
        if (error !== null) {
          exitCode = typeof error.code === "number" ? error.code : 1;
        }
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}
