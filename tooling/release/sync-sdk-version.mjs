// Keeps SDK_VERSION in packages/core/src/user-agent.ts equal to the version in
// packages/core/package.json. `pnpm release:version` runs it after `changeset version` has bumped
// the package, so a release needs no hand edit of the User-Agent version.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SDK_VERSION_LINE = /^export const SDK_VERSION = "[^"]*";$/m;

/**
 * Sets the SDK_VERSION constant of the repository at `root` to the core package's version.
 *
 * @param {string} root - The repository root.
 * @returns {string} The version now in both files.
 */
export function syncSdkVersion(root) {
  const manifest = join(root, "packages/core/package.json");
  const { version } = JSON.parse(readFileSync(manifest, "utf8"));
  if (typeof version !== "string" || version === "") {
    throw new Error(`${manifest} has no version; run changeset version first.`);
  }
  const file = join(root, "packages/core/src/user-agent.ts");
  const source = readFileSync(file, "utf8");
  if (!SDK_VERSION_LINE.test(source)) {
    throw new Error(
      `${file} has no line \`export const SDK_VERSION = "<version>";\`; restore it so that the release can set the version.`,
    );
  }
  const updated = source.replace(
    SDK_VERSION_LINE,
    `export const SDK_VERSION = ${JSON.stringify(version)};`,
  );
  if (updated !== source) {
    writeFileSync(file, updated);
  }
  return version;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  console.log(`SDK_VERSION is ${syncSdkVersion(root)}`);
}
