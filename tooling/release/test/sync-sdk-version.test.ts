import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { syncSdkVersion } from "../sync-sdk-version.mjs";

const roots: string[] = [];

/** Creates a repository layout with the core manifest and the User-Agent module. */
function repository(version: string, userAgent: string): string {
  const root = mkdtempSync(join(tmpdir(), "acs-sdk-release-"));
  roots.push(root);
  mkdirSync(join(root, "packages/core/src"), { recursive: true });
  writeFileSync(join(root, "packages/core/package.json"), JSON.stringify({ version }));
  writeFileSync(join(root, "packages/core/src/user-agent.ts"), userAgent);
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) {
    rmSync(root, { recursive: true, force: true });
  }
});

describe("syncSdkVersion", () => {
  test("bumped version reaches SDK_VERSION", () => {
    const root = repository(
      "0.2.0",
      '/** Version. */\nexport const SDK_VERSION = "0.1.0";\n\nexport function f() {}\n',
    );
    expect(syncSdkVersion(root)).toBe("0.2.0");
    expect(readFileSync(join(root, "packages/core/src/user-agent.ts"), "utf8")).toBe(
      '/** Version. */\nexport const SDK_VERSION = "0.2.0";\n\nexport function f() {}\n',
    );
  });

  test("missing constant is an error", () => {
    const root = repository("0.2.0", "export const VERSION = 1;\n");
    expect(() => syncSdkVersion(root)).toThrow("has no line `export const SDK_VERSION");
  });

  test("repository is in sync", () => {
    const root = new URL("../../..", import.meta.url).pathname;
    const before = readFileSync(join(root, "packages/core/src/user-agent.ts"), "utf8");
    const manifest = JSON.parse(readFileSync(join(root, "packages/core/package.json"), "utf8"));
    expect(before).toContain(`export const SDK_VERSION = "${manifest.version}";`);
  });
});
