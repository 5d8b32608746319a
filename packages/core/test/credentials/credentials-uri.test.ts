import { afterEach, describe, expect, test } from "vitest";
import { CredentialsUriProvider } from "../../src/credentials/credentials-uri-provider.js";
import {
  type Handler,
  type LoopbackServer,
  sendJson,
  startLoopbackServer,
} from "../support/loopback-server.js";
import { FakeClock } from "./support/fake-clock.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handler: Handler) {
  server = await startLoopbackServer(handler);
  return server;
}

describe("credential_uri provider", () => {
  test("reads the session", async () => {
    const clock = new FakeClock();
    const endpoint = await start((_request, response) =>
      sendJson(response, 200, {
        AccessKeyId: "STS.uri",
        AccessKeySecret: "uri-secret",
        SecurityToken: "uri-token",
        Expiration: clock.isoAfterMinutes(60),
      }),
    );
    const provider = new CredentialsUriProvider({
      env: { ALIBABA_CLOUD_CREDENTIALS_URI: `${endpoint.url}/credentials?token=t-1` },
      now: clock.now,
    });
    await expect(provider.getCredential()).resolves.toEqual({
      accessKeyId: "STS.uri",
      accessKeySecret: "uri-secret",
      securityToken: "uri-token",
      expiration: new Date(clock.isoAfterMinutes(60)),
      providerName: "credential_uri",
    });
    expect(endpoint.requests[0]?.url.search).toBe("?token=t-1");
    await provider.getCredential();
    expect(endpoint.requests).toHaveLength(1);
  });

  test("reports a status without the query", async () => {
    const endpoint = await start((_request, response) => {
      response.writeHead(500);
      response.end("internal");
    });
    const provider = new CredentialsUriProvider({
      credentialsUri: `${endpoint.url}/credentials?token=query-secret`,
    });
    await expect(provider.getCredential()).rejects.toThrow(
      `credential_uri: GET ${endpoint.url}/credentials returned HTTP 500`,
    );
  });

  test("names a missing field", async () => {
    const endpoint = await start((_request, response) =>
      sendJson(response, 200, { AccessKeyId: "STS.uri", AccessKeySecret: "uri-secret" }),
    );
    const provider = new CredentialsUriProvider({ credentialsUri: endpoint.url });
    await expect(provider.getCredential()).rejects.toMatchObject({
      code: "InvalidCredentialResponse",
      message: `credential_uri: the response of GET ${endpoint.url}/ has no string field SecurityToken`,
    });
  });

  test("rejects a non-JSON body", async () => {
    const endpoint = await start((_request, response) => {
      response.end("AccessKeySecret=uri-secret");
    });
    const provider = new CredentialsUriProvider({ credentialsUri: endpoint.url });
    const error = (await provider.getCredential().catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain("is not valid JSON");
    expect(error.message).not.toContain("uri-secret");
  });

  test("times out a silent server", async () => {
    const endpoint = await start(() => {});
    const provider = new CredentialsUriProvider({
      credentialsUri: endpoint.url,
      readTimeoutMs: 50,
    });
    await expect(provider.getCredential()).rejects.toThrow("no response data within 50 ms");
  });

  test("stops waiting on abort", async () => {
    const endpoint = await start(() => {});
    const provider = new CredentialsUriProvider({ credentialsUri: endpoint.url });
    const controller = new AbortController();
    const pending = provider.getCredential(controller.signal);
    controller.abort(new Error("caller gave up"));
    await expect(pending).rejects.toThrow("caller gave up");
  });

  test("requires a URI", () => {
    expect(() => new CredentialsUriProvider({ env: {} })).toThrow(
      "credential_uri: ALIBABA_CLOUD_CREDENTIALS_URI is not set (or pass credentialsUri)",
    );
    expect(() => new CredentialsUriProvider({ credentialsUri: "file:///etc/creds" })).toThrow(
      expect.objectContaining({ code: "InvalidCredentialOptions" }),
    );
  });
});
