import { randomUUID } from "node:crypto";
import { computeAcs3Signature, percentEncode } from "@acs-sdk/core";
import { computeRpcV1Signature } from "@acs-sdk/core/protocol";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { ADD_CROSS_ACCOUNT, HBR_SPEC, hbrClient } from "./fixtures.js";
import {
  send,
  signedRequest,
  TEST_CREDENTIAL,
  TEST_STS_CREDENTIAL,
  type WireRequest,
} from "./wire-client.js";

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({
    spec: HBR_SPEC,
    credentials: [TEST_CREDENTIAL, TEST_STS_CREDENTIAL],
  });
});
afterAll(() => server.close());

/** Builds a signed request with a query and a body, so that every part can be tampered with. */
function fullRequest(): WireRequest {
  return signedRequest(server, {
    query: [
      ["Alias", "source-account-1"],
      ["CrossAccountUserId", "1589753000000625"],
    ],
    contentType: "application/x-www-form-urlencoded",
    body: "CrossAccountRoleName=hbrcrossrole",
  });
}

/** Replaces one character of `text` at `index` with a different one. */
function changeByte(text: string, index: number): string {
  const replacement = text[index] === "x" ? "y" : "x";
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}

describe("ACS3-HMAC-SHA256", () => {
  test("untouched request passes", async () => {
    const response = await send(server, fullRequest());
    expect(response.status).toBe(200);
  });

  const MISMATCH = "SignatureDoesNotMatch";
  test.each([
    [
      "query value",
      MISMATCH,
      (r: WireRequest) => {
        r.target = changeByte(r.target, r.target.indexOf("source"));
      },
    ],
    [
      "query key",
      MISMATCH,
      (r: WireRequest) => {
        r.target = r.target.replace("Alias", "Alibs");
      },
    ],
    [
      "signed header",
      MISMATCH,
      (r: WireRequest) => {
        r.headers["x-acs-signature-nonce"] = randomUUID();
      },
    ],
    [
      "host header",
      MISMATCH,
      (r: WireRequest) => {
        r.headers.host = "127.0.0.2";
      },
    ],
    [
      "content type",
      MISMATCH,
      (r: WireRequest) => {
        r.headers["content-type"] = "application/x-www-form-urlencoded; charset=utf-8";
      },
    ],
    [
      "signature",
      MISMATCH,
      (r: WireRequest) => {
        r.headers.authorization = changeByte(r.headers.authorization ?? "", 200);
      },
    ],
    // Path and method decide the operation, so a change there fails routing first.
    [
      "path",
      "InvalidAction.NotFound",
      (r: WireRequest) => {
        r.target = `/x${r.target.slice(1)}`;
      },
    ],
    [
      "method",
      "InvalidAction.NotFound",
      (r: WireRequest) => {
        r.method = "GET";
      },
    ],
  ] as const)("changed %s is rejected", async (_part, code, tamper) => {
    const request = fullRequest();
    tamper(request);
    const response = await send(server, request);
    expect(response.json?.Code).toBe(code);
    expect(response.status).toBe(code === MISMATCH ? 400 : 404);
  });

  test("changed body byte is rejected against the body hash", async () => {
    const request = fullRequest();
    request.body = Buffer.from(changeByte(request.body.toString(), 5));
    const response = await send(server, request);
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("SignatureDoesNotMatch");
    expect(response.json?.Message).toContain("x-acs-content-sha256");
  });

  test("changed body with a matching hash header is rejected", async () => {
    const request = fullRequest();
    const body = "CrossAccountRoleName=othercrossrole";
    request.body = Buffer.from(body);
    request.headers["x-acs-content-sha256"] = computeAcs3Signature({
      method: "POST",
      pathname: "/",
      headers: {},
      body,
      accessKeySecret: "unused",
    }).payloadHash;
    const response = await send(server, request);
    expect(response.json?.Code).toBe("SignatureDoesNotMatch");
  });

  test("mismatch names the server's string to sign", async () => {
    const request = fullRequest();
    request.headers["x-acs-signature-nonce"] = "replaced-nonce";
    const response = await send(server, request);
    const [, query = ""] = request.target.split("?");
    const expected = computeAcs3Signature({
      method: "POST",
      pathname: "/",
      query: new URLSearchParams(query),
      headers: request.headers,
      body: request.body,
      accessKeySecret: TEST_CREDENTIAL.accessKeySecret,
      signedHeaders: (
        /SignedHeaders=([^,]+)/.exec(request.headers.authorization ?? "")?.[1] ?? ""
      ).split(";"),
    });
    expect(response.status).toBe(400);
    expect(response.json?.Message).toBe(
      `Specified signature is not matched with our calculation. server string to sign is:${expected.stringToSign}`,
    );
    const entry = server.requests.at(-1);
    expect(entry?.verdict).toMatchObject({
      code: "SignatureDoesNotMatch",
      canonicalRequest: expected.canonicalRequest,
    });
  });

  test("wrong secret is rejected", async () => {
    const credential = { ...TEST_CREDENTIAL, accessKeySecret: "not-the-secret" };
    const response = await send(server, signedRequest(server, { credential }));
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("SignatureDoesNotMatch");
  });

  test("unknown AccessKey ID is 404", async () => {
    const credential = { accessKeyId: "LTAI-unknown", accessKeySecret: "x" };
    const response = await send(server, signedRequest(server, { credential }));
    expect(response.status).toBe(404);
    expect(response.json?.Code).toBe("InvalidAccessKeyId.NotFound");
  });

  test.each([
    ["garbage", "not a signature"],
    ["missing field", "ACS3-HMAC-SHA256 Credential=LTAI-test-key,Signature=abc"],
    ["other algorithm", "ACS3-HMAC-SM3 Credential=LTAI-test-key,SignedHeaders=host,Signature=abc"],
  ])("malformed Authorization (%s) is IncompleteSignature", async (_name, authorization) => {
    const request = signedRequest(server);
    request.headers.authorization = authorization;
    const response = await send(server, request);
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("IncompleteSignature");
  });

  test("unsigned request is IncompleteSignature", async () => {
    const request = signedRequest(server);
    delete request.headers.authorization;
    const response = await send(server, request);
    expect(response.json?.Code).toBe("IncompleteSignature");
  });

  test("unsigned x-acs header is IncompleteSignature", async () => {
    const request = signedRequest(server);
    request.headers["x-acs-extra"] = "1";
    const response = await send(server, request);
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("IncompleteSignature");
    expect(response.json?.Message).toContain("x-acs-extra");
  });

  test("missing x-acs-date is MissingParameter", async () => {
    const request = signedRequest(server, { headers: { "x-acs-date": "" } });
    delete request.headers["x-acs-date"];
    const response = await send(server, request);
    expect(response.json).toMatchObject({ Code: "MissingParameter" });
    expect(response.json?.Message).toContain('"x-acs-date"');
  });
});

describe("replay protection", () => {
  test("date older than 15 minutes is expired", async () => {
    const date = new Date(Date.now() - 16 * 60 * 1000);
    const response = await send(server, signedRequest(server, { date }));
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("InvalidTimeStamp.Expired");
  });

  test("date in the future beyond the skew is expired", async () => {
    const date = new Date(Date.now() + 16 * 60 * 1000);
    const response = await send(server, signedRequest(server, { date }));
    expect(response.json?.Code).toBe("InvalidTimeStamp.Expired");
  });

  test("malformed date is rejected", async () => {
    const response = await send(
      server,
      signedRequest(server, { headers: { "x-acs-date": "2024-01-01 00:00:00" } }),
    );
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("InvalidTimeStamp.Format");
  });

  test("reused nonce is rejected", async () => {
    const request = signedRequest(server);
    expect((await send(server, request)).status).toBe(200);
    const replay = await send(server, request);
    expect(replay.status).toBe(400);
    expect(replay.json?.Code).toBe("SignatureNonceUsed");
  });
});

/** Returns the server's request log as JSON text, to search for secrets. */
function loggedText(mock: MockServer): string {
  return JSON.stringify(mock.requests, (_key, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value,
  );
}

describe("STS credentials", () => {
  test("matching token passes", async () => {
    const response = await send(server, signedRequest(server, { credential: TEST_STS_CREDENTIAL }));
    expect(response.status).toBe(200);
  });

  test("missing token is MissingSecurityToken", async () => {
    const { securityToken: _token, ...withoutToken } = TEST_STS_CREDENTIAL;
    const response = await send(server, signedRequest(server, { credential: withoutToken }));
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("MissingSecurityToken");
  });

  test("other token is rejected", async () => {
    const credential = { ...TEST_STS_CREDENTIAL, securityToken: "CAIS-other-token" };
    const response = await send(server, signedRequest(server, { credential }));
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("InvalidSecurityToken.MismatchWithAccessKey");
  });

  test("token never reaches the log", async () => {
    await send(server, signedRequest(server, { credential: TEST_STS_CREDENTIAL }));
    const logged = loggedText(server);
    expect(logged).not.toContain(TEST_STS_CREDENTIAL.securityToken);
    expect(logged).toContain("[redacted]");
  });

  test("unconfigured token never reaches the log", async () => {
    server.clearRequests();
    const securityToken = "CAIS-unconfigured-token-4b1d";
    const credential = { ...TEST_STS_CREDENTIAL, securityToken };
    const response = await send(server, signedRequest(server, { credential }));
    expect(response.status).toBe(400);
    const logged = loggedText(server);
    expect(logged).not.toContain(securityToken);
    expect(logged).toContain("[redacted]");
  });

  test("unconfigured v1 token never reaches the log", async () => {
    server.clearRequests();
    const securityToken = "CAIS-unconfigured-v1-token-9c2e";
    const client = hbrClient(server, {
      signatureVersion: "v1",
      credentials: { ...TEST_STS_CREDENTIAL, securityToken, providerName: "sts" },
    });
    await expect(client.send(ADD_CROSS_ACCOUNT, { Alias: "legacy" })).rejects.toMatchObject({
      code: "InvalidSecurityToken.MismatchWithAccessKey",
    });
    client.destroy();
    const logged = loggedText(server);
    expect(logged).not.toContain(securityToken);
  });
});

describe("legacy HMAC-SHA1", () => {
  test("client call with the v1 signature passes", async () => {
    server.clearRequests();
    const client = hbrClient(server, { signatureVersion: "v1" });
    const result = await client.send<{ Success: boolean }>(ADD_CROSS_ACCOUNT, { Alias: "legacy" });
    client.destroy();
    expect(result.Success).toBe(true);
    expect(server.requests[0]).toMatchObject({
      signature: "HMAC-SHA1",
      parameters: { Alias: "legacy" },
      verdict: { outcome: "answered" },
    });
  });

  /** Builds a legacy request signed by hand, as the RPC documentation describes it. */
  function legacyRequest(overrides: Record<string, string> = {}): WireRequest {
    const parameters: Record<string, string> = {
      AccessKeyId: TEST_CREDENTIAL.accessKeyId,
      Action: "AddCrossAccount",
      Alias: "legacy (v1)",
      Format: "JSON",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: randomUUID(),
      SignatureVersion: "1.0",
      Timestamp: `${new Date().toISOString().slice(0, 19)}Z`,
      Version: "2017-09-08",
      ...overrides,
    };
    const { signature } = computeRpcV1Signature({
      method: "POST",
      parameters,
      accessKeySecret: TEST_CREDENTIAL.accessKeySecret,
    });
    const query = Object.entries({ ...parameters, Signature: signature })
      .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
      .join("&");
    return {
      method: "POST",
      target: `/?${query}`,
      headers: { host: "127.0.0.1" },
      body: Buffer.alloc(0),
    };
  }

  test("hand-signed request passes", async () => {
    const response = await send(server, legacyRequest());
    expect(response.status).toBe(200);
  });

  test("changed parameter is rejected with the server's string to sign", async () => {
    const request = legacyRequest();
    request.target = request.target.replace("legacy", "legazy");
    const response = await send(server, request);
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("SignatureDoesNotMatch");
    expect(response.json?.Message).toContain("server string to sign is:POST&%2F&AccessKeyId%3D");
    expect(response.json?.Message).toContain("legazy");
  });

  test("old timestamp is expired", async () => {
    const response = await send(server, legacyRequest({ Timestamp: "2020-01-01T00:00:00Z" }));
    expect(response.json?.Code).toBe("InvalidTimeStamp.Expired");
  });

  test("missing SignatureNonce is MissingParameter", async () => {
    const request = legacyRequest();
    request.target = request.target.replace(/&SignatureNonce=[^&]+/, "");
    const response = await send(server, request);
    expect(response.json?.Code).toBe("MissingParameter");
    expect(response.json?.Message).toContain('"SignatureNonce"');
  });
});
