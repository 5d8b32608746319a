import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, describe, expect, test } from "vitest";
import {
  hasValidSignature,
  sendJson,
  startLoopbackServer,
  TEST_CREDENTIAL,
} from "./support/loopback-server.js";

const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
const INDEX = join(PACKAGE_ROOT, "src/index.ts");
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
  }
});

/**
 * An application that sends one read-only RPC call to the endpoint in argv[2] and prints the
 * outcome as JSON. It passes no credentials, so the client looks at the environment first.
 */
const APPLICATION = `
import { AcsClient } from ${JSON.stringify(INDEX)};
const client = new AcsClient(
  { product: "hbr", apiVersion: "2017-09-08", endpoint: { rule: "regional", productId: "hbr", map: {} } },
  { endpoint: process.argv[2], retry: { maxAttempts: 1 } },
);
const operation = { action: "DescribeVaults", method: "POST", pathname: "/", style: "RPC", readOnly: true,
  parameters: [{ name: "VaultId", in: "query" }] };
try {
  const result = await client.send(operation, { VaultId: "v-1" });
  process.stdout.write(JSON.stringify({ result }));
} catch (error) {
  process.stdout.write(JSON.stringify({ name: error.name, code: error.code, message: error.message }));
} finally {
  client.destroy();
}
`;

/** Bundles APPLICATION into one file in a fresh folder outside the repository. */
async function bundleApplication(): Promise<{ file: string; inputs: string[] }> {
  const folder = mkdtempSync(join(tmpdir(), "acs-sdk-bundled-client-"));
  folders.push(folder);
  const file = join(folder, "app.mjs");
  const result = await build({
    stdin: { contents: APPLICATION, resolveDir: PACKAGE_ROOT, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    external: ["node:*"],
    outfile: file,
    metafile: true,
    logLevel: "silent",
  });
  // Inputs that contribute code: the metafile also lists modules that tree shaking emptied.
  const inputs = Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => basename(path)),
  );
  return { file, inputs };
}

/** Runs the bundle with only the given environment variables (plus PATH). */
async function run(file: string, endpoint: string, env: Record<string, string> = {}) {
  const { stdout } = await promisify(execFile)(process.execPath, [file, endpoint], {
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe("single-file bundle of a query-only RPC call", () => {
  test("leaves the optional modules out", async () => {
    const { inputs } = await bundleApplication();
    expect(inputs).toContain("client.ts");
    expect(inputs).toContain("response-error.ts");
    for (const optional of [
      "default-chain.ts",
      "credential-providers.ts",
      "rpc-v1-signature.ts",
      "request-serializer.ts",
      "parameter-style.ts",
      "xml-style.ts",
      "protocol.ts",
    ]) {
      expect(inputs).not.toContain(optional);
    }
  });

  test("signs with environment credentials", async () => {
    const { file } = await bundleApplication();
    const server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { RequestId: "r-1" }),
    );
    try {
      const outcome = await run(file, server.url, {
        ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_CREDENTIAL.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_CREDENTIAL.accessKeySecret,
      });
      expect(outcome).toEqual({ result: { RequestId: "r-1" } });
      const request = server.requests[0];
      if (request === undefined) {
        throw new Error("the server received no request");
      }
      expect(request.headers["x-acs-credentials-provider"]).toBe("default/env");
      expect(hasValidSignature(request, TEST_CREDENTIAL.accessKeySecret)).toBe(true);
    } finally {
      await server.close();
    }
  });

  test("names the missing chain without node_modules", async () => {
    const { file } = await bundleApplication();
    const server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    try {
      const outcome = await run(file, server.url);
      expect(outcome).toMatchObject({ name: "ConfigurationError", code: "EntryPointUnavailable" });
      expect(outcome.message).toContain("@acs-sdk/core/credentials");
      expect(outcome.message).toContain("defaultCredentialChain()");
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
