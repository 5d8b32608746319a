import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { computeRpcV1Signature } from "@acs-sdk/core/protocol";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  hasValidSignature,
  type LoopbackServer,
  type ReceivedRequest,
  sendJson,
  startLoopbackServer,
  TEST_CREDENTIAL,
} from "./support/loopback-server.js";

const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
const INDEX = join(PACKAGE_ROOT, "src/index.ts");
const folders: string[] = [];

/**
 * An application that sends one call to the endpoint in argv[2] and prints the outcome as JSON.
 * argv[3] picks the call: `query` (a query-only RPC call), `form` (a form body through a
 * hand-written descriptor with `serialize: serializeRequest`), `v1` (the query call with the
 * legacy signer) or `error` (the query call with a VaultId the server rejects).
 * It passes no credentials, so the client looks at the environment, then the default chain.
 */
const APPLICATION = `
import { AcsClient, serializeRequest } from ${JSON.stringify(INDEX)};
const [endpoint, mode] = process.argv.slice(2);
const client = new AcsClient(
  { product: "hbr", apiVersion: "2017-09-08", endpoint: { rule: "regional", productId: "hbr", map: {} } },
  { endpoint, retry: { maxAttempts: 1 }, signatureVersion: mode === "v1" ? "v1" : "v3" },
);
const describeVaults = { action: "DescribeVaults", method: "POST", pathname: "/", style: "RPC",
  readOnly: true, parameters: [{ name: "VaultId", in: "query" }] };
const changeResourceGroup = { action: "ChangeResourceGroup", method: "POST", pathname: "/",
  style: "RPC", readOnly: false,
  parameters: [{ name: "ResourceId", in: "formData" }, { name: "NewResourceGroupId", in: "formData" }],
  serialize: serializeRequest };
try {
  const result = mode === "form"
    ? await client.send(changeResourceGroup, { ResourceId: "v-1", NewResourceGroupId: "rg-1" })
    : await client.send(describeVaults, { VaultId: mode === "error" ? "v-error" : "v-1" });
  process.stdout.write(JSON.stringify({ result }));
} catch (error) {
  process.stdout.write(JSON.stringify({ name: error.name, code: error.code, message: error.message }));
} finally {
  client.destroy();
}
`;

/** An application bundled into a fresh folder outside the repository, with no node_modules. */
interface BundledApplication {
  /** The file to run. */
  readonly entry: string;
  readonly folder: string;
  readonly metafile: Metafile;
}

async function bundleApplication(splitting: boolean): Promise<BundledApplication> {
  const folder = mkdtempSync(join(tmpdir(), "acs-sdk-bundled-client-"));
  folders.push(folder);
  const result = await build({
    stdin: { contents: APPLICATION, resolveDir: PACKAGE_ROOT, loader: "ts", sourcefile: "app.ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    external: ["node:*"],
    splitting,
    outdir: folder,
    entryNames: "app",
    outExtension: { ".js": ".mjs" },
    metafile: true,
    logLevel: "silent",
  });
  return { entry: join(folder, "app.mjs"), folder, metafile: result.metafile };
}

/** Source files, by base name, that contribute code to the given output files. */
function sourcesIn(metafile: Metafile, outputs: readonly string[]): string[] {
  return outputs.flatMap((output) =>
    Object.entries(metafile.outputs[output]?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => basename(path)),
  );
}

/** Output files the entry loads through static imports, as metafile keys. */
function initialOutputs(metafile: Metafile): string[] {
  const entry = Object.keys(metafile.outputs).find((path) => path.endsWith("app.mjs"));
  const found = new Set<string>();
  const visit = (path: string): void => {
    if (found.has(path)) {
      return;
    }
    found.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) {
        visit(imported.path);
      }
    }
  };
  visit(entry ?? "");
  return [...found];
}

/** Runs a bundled application with only the given environment variables (plus PATH). */
async function run(entry: string, args: string[], env: Record<string, string>) {
  const { stdout } = await promisify(execFile)(process.execPath, [entry, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** Creates a home folder whose INI credentials file contains TEST_CREDENTIAL. */
function createHomeWithIniProfile(): string {
  const home = mkdtempSync(join(tmpdir(), "acs-sdk-bundled-home-"));
  folders.push(home);
  mkdirSync(join(home, ".alibabacloud"));
  writeFileSync(
    join(home, ".alibabacloud/credentials"),
    `[default]\ntype = access_key\naccess_key_id = ${TEST_CREDENTIAL.accessKeyId}\naccess_key_secret = ${TEST_CREDENTIAL.accessKeySecret}\n`,
  );
  return home;
}

const ENV_CREDENTIALS = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_CREDENTIAL.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_CREDENTIAL.accessKeySecret,
};

let server: LoopbackServer;
beforeAll(async () => {
  // The VaultId `v-error` gets an error response, which the lazily loaded parser turns into
  // a ServiceError.
  server = await startLoopbackServer((request, response) =>
    request.url.searchParams.get("VaultId") === "v-error"
      ? sendJson(response, 403, { Code: "Forbidden", Message: "denied", RequestId: "r-2" })
      : sendJson(response, 200, { RequestId: "r-1" }),
  );
});
afterAll(async () => {
  await server.close();
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
  }
});

/** Runs the application and returns the one request the server received for it. */
async function runAndReceive(
  entry: string,
  mode: "query" | "form" | "v1",
  env: Record<string, string>,
): Promise<ReceivedRequest> {
  const before = server.requests.length;
  const outcome = await run(entry, [server.url, mode], env);
  expect(outcome).toEqual({ result: { RequestId: "r-1" } });
  expect(server.requests).toHaveLength(before + 1);
  return server.requests[before] as ReceivedRequest;
}

describe("single-file bundle without node_modules", () => {
  let application: BundledApplication;
  beforeAll(async () => {
    application = await bundleApplication(false);
  });

  test("is one file that imports nothing at start-up", () => {
    expect(readdirSync(application.folder)).toEqual(["app.mjs"]);
    // Built-ins load with process.getBuiltinModule on first use, which keeps start-up fast.
    const imports = Object.values(application.metafile.outputs).flatMap((output) => output.imports);
    expect(imports).toEqual([]);
    const sources = sourcesIn(application.metafile, Object.keys(application.metafile.outputs));
    for (const lazy of ["default-chain.ts", "rpc-v1-signature.ts", "response-error.ts"]) {
      expect(sources).toContain(lazy);
    }
  });

  test("signs with environment credentials", async () => {
    const request = await runAndReceive(application.entry, "query", ENV_CREDENTIALS);
    expect(request.headers["x-acs-credentials-provider"]).toBe("default/env");
    expect(hasValidSignature(request, TEST_CREDENTIAL.accessKeySecret)).toBe(true);
  });

  test("default chain reads the INI profile", async () => {
    const request = await runAndReceive(application.entry, "query", {
      HOME: createHomeWithIniProfile(),
    });
    expect(request.headers["x-acs-credentials-provider"]).toBe("default/profile/static_ak");
    expect(hasValidSignature(request, TEST_CREDENTIAL.accessKeySecret)).toBe(true);
  });

  test("form body with serializeRequest", async () => {
    const request = await runAndReceive(application.entry, "form", ENV_CREDENTIALS);
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.body.toString()).toBe("NewResourceGroupId=rg-1&ResourceId=v-1");
    expect(hasValidSignature(request, TEST_CREDENTIAL.accessKeySecret)).toBe(true);
  });

  test("legacy v1 signer", async () => {
    const request = await runAndReceive(application.entry, "v1", ENV_CREDENTIALS);
    const { Signature: signature, ...signed } = Object.fromEntries(request.url.searchParams);
    expect(signed).toMatchObject({ SignatureVersion: "1.0", VaultId: "v-1" });
    expect(signature).toBe(
      computeRpcV1Signature({
        method: "POST",
        parameters: signed,
        accessKeySecret: TEST_CREDENTIAL.accessKeySecret,
      }).signature,
    );
  });
});

describe("code-split bundle without node_modules", () => {
  let application: BundledApplication;
  beforeAll(async () => {
    application = await bundleApplication(true);
  });

  test("optional parts and the failure path in lazy chunks", () => {
    const initial = sourcesIn(application.metafile, initialOutputs(application.metafile));
    expect(initial).toContain("client.ts");
    const all = sourcesIn(application.metafile, Object.keys(application.metafile.outputs));
    const lazyParts = [
      "default-chain.ts",
      "rpc-v1-signature.ts",
      "call-failure.ts",
      "config-check.ts",
      "response-error.ts",
      "retry.ts",
      "endpoint-error.ts",
      "credential-problem.ts",
      "transport-errors.ts",
      "service-error.ts",
      "network-error.ts",
      "validation-error.ts",
      "configuration-error.ts",
      "request-aborted-error.ts",
    ];
    for (const lazy of lazyParts) {
      expect(initial).not.toContain(lazy);
      expect(all).toContain(lazy);
    }
  });

  test("default chain reads the INI profile", async () => {
    const request = await runAndReceive(application.entry, "query", {
      HOME: createHomeWithIniProfile(),
    });
    expect(request.headers["x-acs-credentials-provider"]).toBe("default/profile/static_ak");
  });

  test("legacy v1 signer", async () => {
    const request = await runAndReceive(application.entry, "v1", ENV_CREDENTIALS);
    expect(request.url.searchParams.get("SignatureVersion")).toBe("1.0");
  });

  test("error response", async () => {
    const outcome = await run(application.entry, [server.url, "error"], ENV_CREDENTIALS);
    expect(outcome).toEqual({
      name: "ServiceError",
      code: "Forbidden",
      message: "DescribeVaults failed: Forbidden (HTTP 403): denied Request ID: r-2.",
    });
  });

  test("connection refused", async () => {
    // Nothing listens on port 1 of the loopback address, so the connection is refused.
    const outcome = await run(application.entry, ["http://127.0.0.1:1", "query"], ENV_CREDENTIALS);
    expect(outcome).toMatchObject({ name: "NetworkError", code: "NetworkFailure" });
    expect(outcome.message).toContain("nothing was sent");
  });

  test("missing region", async () => {
    const outcome = await run(application.entry, ["", "query"], ENV_CREDENTIALS);
    expect(outcome).toMatchObject({ name: "ConfigurationError", code: "MissingRegion" });
  });
});
