import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { REPOSITORY_ROOT, TypeChecker, writeTypeCheckConfig } from "../src/index.js";
import { createWorkDir } from "./support/work-dir.js";

const BASE_CONFIG = join(REPOSITORY_ROOT, "tooling/tsconfig/base.json");

let work: Awaited<ReturnType<typeof createWorkDir>>;
const checker = new TypeChecker();

/** Writes a one-file package under `root/packages/` and the tsconfig that checks it. */
async function project(root: string, source: string): Promise<string> {
  const dir = join(root, "packages/sample/src");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "index.ts"), source);
  return writeTypeCheckConfig(root, BASE_CONFIG);
}

beforeAll(async () => {
  work = await createWorkDir("type-check");
});

afterAll(async () => {
  await work.remove();
});

describe("TypeChecker", () => {
  test("clean project", async () => {
    const config = await project(
      join(work.dir, "clean"),
      'import { AcsClient } from "@acs-sdk/core";\nexport const client: typeof AcsClient = AcsClient;\n',
    );
    const result = checker.check(config);
    expect(result.text).toBe("");
    expect(result.errors).toBe(0);
  });

  test("type error", async () => {
    const config = await project(join(work.dir, "broken"), "export const count: number = 'one';\n");
    const result = checker.check(config);
    expect(result.errors).toBe(1);
    expect(result.text).toContain("packages/sample/src/index.ts(1,14): error TS2322");
  });

  test("shared files are reused", async () => {
    const first = checker.check(await project(join(work.dir, "first"), "export {};\n"));
    const second = checker.check(await project(join(work.dir, "second"), "export {};\n"));
    expect(second.files).toBe(first.files);
    expect(first.files).toBeGreaterThan(1);
  });
});
