import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, test } from "vitest";

/** Source files a bundler pulls in when an application imports only `entry`. */
async function bundledSources(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../../src/credentials/${entry}`, import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs)
    .map((input) => basename(input))
    .sort();
}

describe("module isolation", () => {
  test("static providers pull in only the base error and CredentialsError", async () => {
    expect(await bundledSources("static-credentials.ts")).toEqual([
      "acs-error.ts",
      "credentials-error.ts",
      "static-credentials.ts",
    ]);
  });

  test("env provider stays off the network", async () => {
    expect(await bundledSources("env-provider.ts")).toEqual([
      "acs-error.ts",
      "credentials-error.ts",
      "env-provider.ts",
      "provider-options.ts",
    ]);
  });

  test("credentials entry tree-shakes to the static provider", async () => {
    const result = await build({
      stdin: {
        contents: 'export { StaticAkCredentialProvider } from "./src/credential-providers.ts";',
        resolveDir: fileURLToPath(new URL("../..", import.meta.url)),
        loader: "ts",
      },
      bundle: true,
      write: false,
      platform: "node",
      format: "esm",
      logLevel: "silent",
    });
    const output = result.outputFiles[0]?.text ?? "";
    expect(output).toContain("static_ak");
    expect(output).not.toContain("AssumeRole");
    expect(output).not.toContain("node:http");
  });
});
