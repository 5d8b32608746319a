import { execFile } from "node:child_process";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { REPOSITORY_ROOT } from "../src/index.js";
import { createWorkDir, METADATA_ROOT } from "./support/work-dir.js";

interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pnpm corpus`'s entry point as its own process. */
function runCorpusCommand(args: readonly string[]): Promise<CommandResult> {
  const main = join(REPOSITORY_ROOT, "tooling/corpus/src/main.ts");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=@acs-sdk/source", "--import", "tsx", main, ...args],
      { cwd: REPOSITORY_ROOT, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

let work: Awaited<ReturnType<typeof createWorkDir>>;
let metadata: string;

beforeAll(async () => {
  work = await createWorkDir("corpus-command");
  metadata = join(work.dir, "metadata");
  const tingwu = join(metadata, "tingwu/2023-09-30");
  await mkdir(tingwu, { recursive: true });
  await copyFile(
    join(METADATA_ROOT, "tingwu/2023-09-30/api-docs.json"),
    join(tingwu, "api-docs.json"),
  );
  const broken = join(metadata, "broken/2020-01-01");
  await mkdir(broken, { recursive: true });
  await writeFile(join(broken, "api-docs.json"), "{ not json");
});

afterAll(async () => {
  await work.remove();
});

describe("pnpm corpus", () => {
  test("table and failure", async () => {
    const result = await runCorpusCommand([metadata, "--jobs", "1"]);
    const lines = result.stdout.split("\n");
    expect(result.exitCode).toBe(1);
    expect(lines[0]).toMatch(/^product\s+version\s+style\s+operations\s+warnings\s+ms\s+status$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^tingwu\s+2023-09-30\s+ROA\s+7\s+\d+\s+\d+\s+ok$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^broken\s+2020-01-01\s+\?\s+0\s+0\s+\d+\s+FAILED import$/),
    );
    expect(result.stdout).toContain("1 of 2 product versions passed");
    expect(result.stderr).toContain("broken/2020-01-01 failed in import:");
  });

  test("only filter", async () => {
    const result = await runCorpusCommand([metadata, "--only", "tingwu", "--no-typecheck"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("1 of 1 product versions passed (imported and generated)");
  });

  test("unknown product", async () => {
    const result = await runCorpusCommand([metadata, "--only", "nope"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("[product-not-found] --only names nope");
  });

  test("missing folder argument", async () => {
    const result = await runCorpusCommand(["--jobs", "2"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Usage: pnpm corpus <folder>");
  });
});
