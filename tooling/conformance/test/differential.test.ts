/**
 * Differential tests against Alibaba's official runtimes. Each call goes through our client and
 * through `@alicloud/openapi-core` 1.0.8 and `@alicloud/openapi-client` 0.4.15 to a capture
 * server. All three sign with the same date and nonce, which each exchange picks: our client
 * through its `clock` and `nonce` options, the official runtimes by pinning their timestamp and
 * nonce functions. So every signed part, and the signature itself, must come out identical.
 *
 * Differences that are allowed, and asserted as such:
 * - `user-agent` names each runtime; it is not signed.
 * - The official runtimes write `Authorization` with a capital A; header names are
 *   case-insensitive and the value is identical.
 * - The wire query string: we send it sorted and RFC 3986-encoded, the official runtimes send
 *   it in insertion order through `querystring.stringify`, which leaves `! ( ) *` literal (their
 *   HTTP layer escapes `'` in the request target).
 *   The decoded pairs, the canonical query and the signature are identical.
 * - Form bodies: the same two encodings apply to the body bytes, which are hashed, so a form
 *   value with `! ' ( ) *`, or a list of 10 or more items, gives different body bytes and a
 *   different (but valid) signature. Decoded pairs are identical.
 * - ROA path values: generated official code encodes them with `URL.percentEncode`, which
 *   leaves `! ( )` and every `*` after the first literal; we encode them. The decoded path is
 *   identical.
 */
import { randomUUID } from "node:crypto";
import { type AcsClient, type ClientConfig, parseAuthorization } from "@acs-sdk/core";
import { type AddCrossAccountRequest, HbrClient } from "@acs-sdk/hbr-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type CapturedRequest,
  type CaptureServer,
  startCaptureServer,
} from "./support/capture-server.js";
import { AK, AK_CREDENTIAL, STS, STS_CREDENTIAL } from "./support/fixtures.js";
import {
  callOfficial,
  OFFICIAL_RUNTIMES,
  type OfficialRequestHelpers,
  type OfficialRuntimeName,
  pinSigningInputs,
} from "./support/official-runtime.js";
import {
  CHANGE_RESOURCE_GROUP,
  DESCRIBE_RECORDS,
  type OfficialCall,
  officialCalls,
  recordsClient,
  UPDATE_RECORD,
} from "./support/records-product.js";
import { coreResign, decodeQuery, officialResign, signedPartsOf } from "./support/signed-parts.js";

let capture: CaptureServer;
const clients: AcsClient[] = [];

beforeAll(async () => {
  capture = await startCaptureServer();
});
afterAll(async () => {
  for (const client of clients) {
    client.destroy();
  }
  await capture.close();
});

type Credentials = typeof AK | typeof STS;

/** The same call as our client and both official runtimes sent it. */
interface Exchange {
  readonly ours: CapturedRequest;
  readonly core: CapturedRequest;
  readonly legacy: CapturedRequest;
}

/**
 * Picks a signing date and nonce, then sends a call with them through our client (`send`) and
 * through both official runtimes (`official` builds their request as generated SDK code does).
 */
async function exchange(
  credentials: Credentials,
  send: (config: ClientConfig) => Promise<unknown>,
  official: (util: OfficialRequestHelpers) => OfficialCall,
): Promise<Exchange> {
  const credential = credentials === STS ? STS_CREDENTIAL : AK_CREDENTIAL;

  const signedAt = new Date();
  const timestamp = `${signedAt.toISOString().slice(0, 19)}Z`;
  const nonce = randomUUID();
  await send({
    endpoint: capture.url,
    credentials: credential,
    retry: { maxAttempts: 1 },
    clock: () => signedAt,
    nonce: () => nonce,
  });
  const ours = capture.take();
  expect(ours.headers["x-acs-date"]).toBe(timestamp);
  expect(ours.headers["x-acs-signature-nonce"]).toBe(nonce);

  const restore = pinSigningInputs(timestamp, nonce);
  const captured: Partial<Record<OfficialRuntimeName, CapturedRequest>> = {};
  try {
    for (const name of ["core", "legacy"] as const) {
      const call = official(OFFICIAL_RUNTIMES[name].util);
      await callOfficial(
        name,
        { ...credentials, endpoint: capture.host },
        call.params,
        call.request,
      );
      captured[name] = capture.take();
    }
  } finally {
    restore();
  }
  return {
    ours,
    core: captured.core as CapturedRequest,
    legacy: captured.legacy as CapturedRequest,
  };
}

function hbr(config: ClientConfig): HbrClient {
  const client = new HbrClient(config);
  clients.push(client);
  return client;
}

function records(config: ClientConfig): AcsClient {
  const client = recordsClient(config);
  clients.push(client);
  return client;
}

function sortedPairs(pairs: ReadonlyArray<readonly [string, string]>): string[] {
  return pairs.map(([name, value]) => `${name}=${value}`).sort();
}

/**
 * Asserts that `theirs` has the same signed parts as `ours`: method, path, decoded query and
 * canonical query, signed header names and values, body bytes, and the Authorization value.
 */
function expectSameSignedParts(ours: CapturedRequest, theirs: CapturedRequest): void {
  const a = signedPartsOf(ours);
  const b = signedPartsOf(theirs);
  expect(b.method).toBe(a.method);
  expect(b.pathname).toBe(a.pathname);
  expect(sortedPairs(b.queryPairs)).toEqual(sortedPairs(a.queryPairs));
  expect(b.canonicalQuery).toBe(a.canonicalQuery);
  expect(b.authorization.signedHeaders).toEqual(a.authorization.signedHeaders);
  expect(b.signedHeaders).toEqual(a.signedHeaders);
  expect(b.body.toString("hex")).toBe(a.body.toString("hex"));
  expect(theirs.headers.authorization).toBe(ours.headers.authorization);
}

/**
 * Asserts that each side's signature is what the other side's signer computes over the same
 * bytes, and that both signers build the same canonical request.
 */
function expectCrossSigned(request: CapturedRequest, secret: string): void {
  const parts = signedPartsOf(request);
  const official = officialResign("core", parts, secret);
  const legacy = officialResign("legacy", parts, secret);
  const ours = coreResign(parts, secret);
  expect(ours.canonicalRequest).toBe(official.canonicalRequest);
  expect(legacy.canonicalRequest).toBe(official.canonicalRequest);
  expect(official.signature).toBe(parts.authorization.signature);
  expect(ours.signature).toBe(parts.authorization.signature);
}

/** Asserts the allowed differences in unsigned headers. */
function expectOnlyUnsignedHeadersDiffer(exchanged: Exchange): void {
  const { ours, core, legacy } = exchanged;
  expect(ours.headers["user-agent"]).toMatch(/^acs-sdk\/\S+ \(/);
  expect(core.headers["user-agent"]).toMatch(/ Core\/1\.0\.1 TeaDSL\/2$/);
  expect(legacy.headers["user-agent"]).toMatch(/ TeaDSL\/1$/);
  expect(ours.rawHeaderNames).toContain("authorization");
  expect(core.rawHeaderNames).toContain("Authorization");
  for (const request of [ours, core, legacy]) {
    expect(request.headers.accept).toBe("application/json");
    // No runtime writes a literal `+` (which a server may read as a space).
    expect(request.rawQuery).not.toContain("+");
  }
}

function expectAllSame(exchanged: Exchange, secret: string): void {
  expectSameSignedParts(exchanged.ours, exchanged.core);
  expectSameSignedParts(exchanged.ours, exchanged.legacy);
  expectOnlyUnsignedHeadersDiffer(exchanged);
  expectCrossSigned(exchanged.ours, secret);
  expectCrossSigned(exchanged.core, secret);
}

const ADD_CROSS_ACCOUNT_REQUEST: AddCrossAccountRequest = {
  Alias: "prod (a*b) !'~ 备份😀",
  CrossAccountRoleName: "hbrcrossrole",
  CrossAccountType: "CROSS_ACCOUNT",
  CrossAccountUserId: 1589753000000625,
};

describe("AddCrossAccount", () => {
  test("same signed request as both official runtimes", async () => {
    const exchanged = await exchange(
      AK,
      (config) => hbr(config).addCrossAccount(ADD_CROSS_ACCOUNT_REQUEST),
      (util) => officialCalls.AddCrossAccount(util, ADD_CROSS_ACCOUNT_REQUEST),
    );
    expectAllSame(exchanged, AK.accessKeySecret);
    const parts = signedPartsOf(exchanged.ours);
    expect(parts.authorization.signedHeaders).toEqual([
      "host",
      "x-acs-action",
      "x-acs-content-sha256",
      "x-acs-credentials-provider",
      "x-acs-date",
      "x-acs-signature-nonce",
      "x-acs-version",
    ]);
    expect(parts.signedHeaders["x-acs-credentials-provider"]).toBe("static_ak");
    expect(parts.body.length).toBe(0);
    expect(exchanged.ours.headers["content-type"]).toBeUndefined();
    expect(parts.canonicalQuery).toBe(
      "Alias=prod%20%28a%2Ab%29%20%21%27~%20%E5%A4%87%E4%BB%BD%F0%9F%98%80" +
        "&CrossAccountRoleName=hbrcrossrole&CrossAccountType=CROSS_ACCOUNT" +
        "&CrossAccountUserId=1589753000000625",
    );
  });

  test("wire query strings differ only in encoding", async () => {
    const { ours, core } = await exchange(
      AK,
      (config) => hbr(config).addCrossAccount(ADD_CROSS_ACCOUNT_REQUEST),
      (util) => officialCalls.AddCrossAccount(util, ADD_CROSS_ACCOUNT_REQUEST),
    );
    // querystring.stringify leaves ( ) * ! literal; we send RFC 3986.
    expect(core.rawQuery).toContain("Alias=prod%20(a*b)%20!%27~");
    expect(ours.rawQuery).toContain("Alias=prod%20%28a%2Ab%29%20%21%27~");
    expect(decodeQuery(ours.rawQuery)).toEqual(decodeQuery(core.rawQuery));
  });

  test("same signed request with STS credentials", async () => {
    const exchanged = await exchange(
      STS,
      (config) => hbr(config).addCrossAccount(ADD_CROSS_ACCOUNT_REQUEST),
      (util) => officialCalls.AddCrossAccount(util, ADD_CROSS_ACCOUNT_REQUEST),
    );
    expectAllSame(exchanged, STS.accessKeySecret);
    const parts = signedPartsOf(exchanged.ours);
    expect(parts.signedHeaders).toMatchObject({
      "x-acs-accesskey-id": STS.accessKeyId,
      "x-acs-security-token": STS.securityToken,
      "x-acs-credentials-provider": "static_sts",
    });
    expect(parts.authorization.accessKeyId).toBe(STS.accessKeyId);
  });
});

describe("DescribeRecords", () => {
  test("repeat list of 12 sorts RecordIds.10 before RecordIds.2", async () => {
    const request = { RecordIds: Array.from({ length: 12 }, (_, index) => `r-${index + 1}`) };
    const exchanged = await exchange(
      AK,
      (config) => records(config).send(DESCRIBE_RECORDS, request),
      (util) => officialCalls.DescribeRecords(util, request),
    );
    expectAllSame(exchanged, AK.accessKeySecret);
    const names = signedPartsOf(exchanged.ours)
      .canonicalQuery.split("&")
      .map((pair) => {
        return pair.slice(0, pair.indexOf("="));
      });
    expect(names.slice(0, 5)).toEqual([
      "RecordIds.1",
      "RecordIds.10",
      "RecordIds.11",
      "RecordIds.12",
      "RecordIds.2",
    ]);
    expect(names).toHaveLength(12);
  });

  test("nested Filters with value lists", async () => {
    const request = {
      Filters: [
        { Key: "status", Values: ["running", "stopped"] },
        { Key: "tag:env", Values: ["prod & dev", "测试", "a=b;c"] },
      ],
    };
    const exchanged = await exchange(
      AK,
      (config) => records(config).send(DESCRIBE_RECORDS, request),
      (util) => officialCalls.DescribeRecords(util, request),
    );
    expectAllSame(exchanged, AK.accessKeySecret);
    expect(signedPartsOf(exchanged.ours).query).toEqual({
      "Filters.1.Key": "status",
      "Filters.1.Values.1": "running",
      "Filters.1.Values.2": "stopped",
      "Filters.2.Key": "tag:env",
      "Filters.2.Values.1": "prod & dev",
      "Filters.2.Values.2": "测试",
      "Filters.2.Values.3": "a=b;c",
    });
  });

  test("json style, int64, boolean and empty values", async () => {
    const request = {
      Detail: { name: 'quote " and \\ slash', unicode: "备份 😀", empty: "" },
      OwnerId: 1589753000000625,
      Text: "",
      Verbose: true,
    };
    const exchanged = await exchange(
      AK,
      (config) => records(config).send(DESCRIBE_RECORDS, request),
      (util) => officialCalls.DescribeRecords(util, request),
    );
    expectAllSame(exchanged, AK.accessKeySecret);
    expect(signedPartsOf(exchanged.ours).query).toEqual({
      Detail: JSON.stringify(request.Detail),
      OwnerId: "1589753000000625",
      Text: "",
      Verbose: "true",
    });
  });
});

describe("ChangeResourceGroup", () => {
  test("same form body and signature for plain values", async () => {
    const request = {
      NewResourceGroupId: "rg-aek2u3xxm2yxxxx",
      ResourceId: "v-0003ro8wo8ym1x1xxxxx",
      ResourceType: "vault",
    };
    const exchanged = await exchange(
      AK,
      (config) => records(config).send(CHANGE_RESOURCE_GROUP, request),
      (util) => officialCalls.ChangeResourceGroup(util, request),
    );
    expectAllSame(exchanged, AK.accessKeySecret);
    const parts = signedPartsOf(exchanged.ours);
    expect(parts.signedHeaders["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(parts.body.toString()).toBe(
      "NewResourceGroupId=rg-aek2u3xxm2yxxxx&ResourceId=v-0003ro8wo8ym1x1xxxxx&ResourceType=vault",
    );
    expect(exchanged.ours.rawQuery).toBe("");
  });

  test("form bodies differ in bytes, not in decoded pairs", async () => {
    const request = {
      ResourceId: "v (1) *!'",
      Tags: Array.from({ length: 10 }, (_, index) => ({ Key: `k${index + 1}`, Value: "v" })),
    };
    const exchanged = await exchange(
      AK,
      (config) => records(config).send(CHANGE_RESOURCE_GROUP, request),
      (util) => officialCalls.ChangeResourceGroup(util, request),
    );
    const ours = signedPartsOf(exchanged.ours);
    for (const theirs of [signedPartsOf(exchanged.core), signedPartsOf(exchanged.legacy)]) {
      expect(sortedPairs(decodeQuery(theirs.body.toString()))).toEqual(
        sortedPairs(decodeQuery(ours.body.toString())),
      );
      expect(theirs.body.toString()).toContain("ResourceId=v%20(1)%20*!'");
      expect(theirs.body.toString()).toMatch(/Tags\.9\.Value=v&Tags\.10\.Key=/);
      expect(theirs.authorization.signedHeaders).toEqual(ours.authorization.signedHeaders);
    }
    expect(ours.body.toString()).toContain("ResourceId=v%20%281%29%20%2A%21%27");
    expect(ours.body.toString()).toMatch(/Tags\.1\.Value=v&Tags\.10\.Key=/);
    expectCrossSigned(exchanged.ours, AK.accessKeySecret);
    expectCrossSigned(exchanged.core, AK.accessKeySecret);
    expectCrossSigned(exchanged.legacy, AK.accessKeySecret);
  });
});

describe("UpdateRecord (ROA)", () => {
  test("same path, query, JSON body and signature", async () => {
    const request = {
      RecordId: "rec-42",
      Mode: "replace all",
      body: { Name: "nightly", Labels: ["a", "备份"], Size: 12 },
    };
    const exchanged = await exchange(
      AK,
      (config) => records(config).send(UPDATE_RECORD, request),
      (util) => officialCalls.UpdateRecord(util, request),
    );
    expectAllSame(exchanged, AK.accessKeySecret);
    const parts = signedPartsOf(exchanged.ours);
    expect(parts.method).toBe("PUT");
    expect(parts.pathname).toBe("/records/rec-42");
    expect(parts.signedHeaders["content-type"]).toBe("application/json; charset=utf-8");
    expect(parts.body.toString()).toBe(JSON.stringify(request.body));
    expect(exchanged.ours.headers["x-acs-action"]).toBe("UpdateRecord");
  });

  test("path values differ in encoding, not in meaning", async () => {
    const request = { RecordId: "rec (1) *2*!'", body: { Name: "x" } };
    const exchanged = await exchange(
      AK,
      (config) => records(config).send(UPDATE_RECORD, request),
      (util) => officialCalls.UpdateRecord(util, request),
    );
    expect(exchanged.ours.pathname).toBe("/records/rec%20%281%29%20%2A2%2A%21%27");
    // percentEncode of @darabonba/typescript replaces only the first `*`; the HTTP layer below
    // escapes `'` in the request target.
    expect(exchanged.core.pathname).toBe("/records/rec%20(1)%20%2A2*!%27");
    expect(decodeURIComponent(exchanged.core.pathname)).toBe(
      decodeURIComponent(exchanged.ours.pathname),
    );
    expectCrossSigned(exchanged.ours, AK.accessKeySecret);
    // The official runtime signs the path before its HTTP layer escapes `'`, so its signature
    // covers a path other than the one sent: a server that verifies the received path rejects it.
    const sent = signedPartsOf(exchanged.core);
    expect(coreResign(sent, AK.accessKeySecret).signature).not.toBe(sent.authorization.signature);
    const signedPath = { ...sent, pathname: sent.pathname.replaceAll("%27", "'") };
    expect(coreResign(signedPath, AK.accessKeySecret).signature).toBe(sent.authorization.signature);
  });
});

test("Authorization has no spaces after commas", async () => {
  await hbr({ endpoint: capture.url, credentials: AK_CREDENTIAL }).addCrossAccount({ Alias: "x" });
  const header = capture.take().headers.authorization ?? "";
  expect(header).toMatch(
    /^ACS3-HMAC-SHA256 Credential=[^,\s]+,SignedHeaders=[a-z0-9;-]+,Signature=[0-9a-f]{64}$/,
  );
  expect(parseAuthorization(header)?.accessKeyId).toBe(AK.accessKeyId);
});
