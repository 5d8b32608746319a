import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { metadataDocument, rpcOperation } from "./fixtures/metadata.js";
import { createTempDir, listFiles, removeTempDir } from "./fixtures/temp-dir.js";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MAIN = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as `pnpm specs:import` does, from the repository root. */
async function runCli(args: readonly string[], callerDir: string): Promise<Run> {
  const command = ["--conditions=@acs-sdk/source", "--import", "tsx", MAIN, ...args];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, command, {
      cwd: REPO_ROOT,
      env: { ...process.env, INIT_CWD: callerDir, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("specs:import CLI", () => {
  let dir: string;

  beforeEach(async () => {
    dir = await createTempDir();
  });

  afterEach(async () => {
    await removeTempDir(dir);
  });

  it("prints usage without arguments", async () => {
    const run = await runCli([], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Usage: pnpm specs:import/);
  });

  it("imports a file relative to the caller's folder", async () => {
    const metadata = metadataDocument({ Probe: rpcOperation({ operationType: undefined }) });
    await writeFile(join(dir, "api-docs.json"), JSON.stringify(metadata));
    const run = await runCli(["api-docs.json", "--out", "specs", "--quiet"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("note documentation-only: 1\nwarning operation-type-defaulted: 1\n");
    expect(run.stdout).toMatch(/Imported 1 spec\(s\), 1 operations, 1 warnings in \d+ ms\./);
    expect(await listFiles(join(dir, "specs"))).toEqual(["demo/2024-01-01/openapi.yaml"]);
  });

  it("reports bad input with its pointer and writes nothing", async () => {
    await writeFile(
      join(dir, "api-docs.json"),
      JSON.stringify({ info: { product: "Demo", version: "1" } }),
    );
    const run = await runCli(["api-docs.json", "--out", "specs"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error input-not-metadata: ");
    expect(run.stderr).toContain("api-docs.json#/apis: `apis` is missing or not an object");
    expect(run.stderr).toMatch(
      /not an object[^\n]*\n {2}fix: Pass an Alibaba Cloud api-docs file: an object with `info` and `apis`\.\n/,
    );
    expect(run.stderr).toMatch(/Nothing was written\.\n$/);
    expect(await listFiles(join(dir, "specs"))).toEqual([]);
  });
});
