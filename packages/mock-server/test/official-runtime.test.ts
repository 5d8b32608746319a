/**
 * Compatibility with Alibaba Cloud's own TypeScript runtime (`@alicloud/openapi-core`): requests
 * it signs, V3 or legacy, must pass the server's checks unchanged.
 */
import { createRequire } from "node:module";
import type * as OpenApiCore from "@alicloud/openapi-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { HBR_SPEC } from "./fixtures.js";
import { TEST_CREDENTIAL, TEST_STS_CREDENTIAL } from "./wire-client.js";

// Loaded with require: the package is CommonJS with an `exports.default` class, which vitest's
// and Node's ESM interop expose under different names.
const { default: OfficialClient, $OpenApiUtil } = createRequire(import.meta.url)(
  "@alicloud/openapi-core",
) as { default: typeof OpenApiCore.default.default; $OpenApiUtil: typeof OpenApiCore.$OpenApiUtil };
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({
    spec: HBR_SPEC,
    credentials: [TEST_CREDENTIAL, TEST_STS_CREDENTIAL],
  });
});
afterAll(() => server.close());

/** Calls AddCrossAccount through the official runtime with the given client settings. */
async function callOfficial(config: object, query: Record<string, string>) {
  const client = new OfficialClient(
    new $OpenApiUtil.Config({ endpoint: `127.0.0.1:${server.port}`, protocol: "HTTP", ...config }),
  );
  const params = new $OpenApiUtil.Params({
    action: "AddCrossAccount",
    version: "2017-09-08",
    protocol: "HTTP",
    pathname: "/",
    method: "POST",
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType: "json",
  });
  const request = new $OpenApiUtil.OpenApiRequest({ query });
  const runtime = {} as Parameters<typeof client.callApi>[2];
  const result = await client.callApi(params, request, runtime);
  return result.body as Record<string, unknown>;
}

test.each([
  ["V3 signature", {}, "ACS3-HMAC-SHA256"],
  ["legacy signature", { signatureAlgorithm: "v2" }, "HMAC-SHA1"],
] as const)("official runtime with %s passes", async (_name, extra, signature) => {
  server.clearRequests();
  const query = { Alias: "name with (*) !'", CrossAccountUserId: "1589753000000625" };
  const body = await callOfficial({ ...TEST_CREDENTIAL, ...extra }, query);
  expect(body.Success).toBe(true);
  expect(server.requests[0]).toMatchObject({
    signature,
    parameters: { Alias: "name with (*) !'", CrossAccountUserId: 1589753000000625 },
  });
});

test("official runtime with STS credentials passes", async () => {
  server.clearRequests();
  const body = await callOfficial(TEST_STS_CREDENTIAL, { Alias: "sts" });
  expect(body.Success).toBe(true);
  expect(server.requests[0]?.accessKeyId).toBe(TEST_STS_CREDENTIAL.accessKeyId);
});

test("official runtime sees SignatureDoesNotMatch", async () => {
  const config = { ...TEST_CREDENTIAL, accessKeySecret: "wrong-secret" };
  await expect(callOfficial(config, { Alias: "x" })).rejects.toMatchObject({
    code: "SignatureDoesNotMatch",
    statusCode: 400,
  });
});
