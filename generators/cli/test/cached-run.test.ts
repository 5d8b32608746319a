import { execFile } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";
import { REPOSITORY_ROOT } from "./support/workspace.js";

// `pnpm generate` runs the command through turbo with this variable set; turbo's cache tracks
// specs/ and packages/ only, so other folders must go through `pnpm generate:direct`.
test("cached run rejects --out", async () => {
  const main = join(REPOSITORY_ROOT, "generators/cli/src/main.ts");
  const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=@acs-sdk/source", "--import", "tsx", main, "--out", "elsewhere"],
      { cwd: REPOSITORY_ROOT, env: { ...process.env, ACS_SDK_GENERATE_CACHED: "1" } },
      (error, _stdout, stderr) => {
        resolve({ code: typeof error?.code === "number" ? error.code : 0, stderr });
      },
    );
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("[invalid-arguments] --specs and --out name folders");
});
