import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";

const run = promisify(execFile);
const demoEntry = fileURLToPath(new URL("../src/main.ts", import.meta.url));

test("demo prints a successful AddCrossAccount response", async () => {
  const { stdout } = await run(
    process.execPath,
    ["--conditions=@acs-sdk/source", "--import", "tsx", demoEntry],
    { cwd: fileURLToPath(new URL("../../..", import.meta.url)) },
  );

  expect(stdout).toMatch(/^mock server listening on http:\/\/127\.0\.0\.1:\d+$/m);
  expect(stdout).toMatch(/^verified ACS3-HMAC-SHA256 signature over host;x-acs-action;/m);
  expect(stdout).toContain('"Success": true');
  expect(stdout).toContain('"Code": "200"');
  expect(stdout).toMatch(/^HTTP 200 after 1 attempt\(s\)$/m);
  expect(stdout).toMatch(/^mock server stopped$/m);
});
