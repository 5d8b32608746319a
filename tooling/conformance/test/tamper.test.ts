/**
 * Requests our client signs pass the mock server unchanged, and fail once any one byte of the
 * query string, a signed header, the body or the Authorization header changes. Each request is
 * captured, then replayed to the mock server: every tampered copy first, the original last,
 * since an accepted request uses up its nonce.
 */
import type { AcsClient } from "@acs-sdk/core";
import { HbrClient } from "@acs-sdk/hbr-client";
import { requestValidators } from "@acs-sdk/hbr-validators";
import { type MockServer, startMockServer } from "@acs-sdk/mock-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type CapturedRequest,
  type CaptureServer,
  startCaptureServer,
} from "./support/capture-server.js";
import { AK, AK_CREDENTIAL, HBR_SPEC, STS, STS_CREDENTIAL } from "./support/fixtures.js";
import {
  CHANGE_RESOURCE_GROUP,
  RECORDS_SPEC,
  recordsClient,
  UPDATE_RECORD,
} from "./support/records-product.js";
import {
  changeCharAt,
  type ReplayRequest,
  type ReplayResponse,
  replay,
  replayable,
} from "./support/replay.js";

let capture: CaptureServer;
let server: MockServer;
const clients: AcsClient[] = [];

beforeAll(async () => {
  capture = await startCaptureServer();
  server = await startMockServer({
    spec: [HBR_SPEC, RECORDS_SPEC],
    credentials: [AK, STS],
    validators: requestValidators,
  });
});
afterAll(async () => {
  for (const client of clients) {
    client.destroy();
  }
  await Promise.all([capture.close(), server.close()]);
});

/** The error codes a change to each signed header may produce, besides a signature mismatch. */
const HEADER_CODES: Readonly<Record<string, readonly string[]>> = {
  host: ["SignatureDoesNotMatch"],
  "content-type": ["SignatureDoesNotMatch"],
  "x-acs-action": ["InvalidAction.NotFound"],
  // A ROA path is looked up per version, so an unknown version finds no operation there.
  "x-acs-version": ["InvalidVersion", "InvalidAction.NotFound"],
  "x-acs-date": ["SignatureDoesNotMatch", "InvalidTimeStamp.Format", "InvalidTimeStamp.Expired"],
  "x-acs-signature-nonce": ["SignatureDoesNotMatch"],
  "x-acs-content-sha256": ["SignatureDoesNotMatch"],
  "x-acs-credentials-provider": ["SignatureDoesNotMatch"],
  "x-acs-accesskey-id": ["IncompleteSignature"],
  "x-acs-security-token": ["InvalidSecurityToken.MismatchWithAccessKey"],
};

/** One tampered copy and the codes it may be rejected with. */
interface Tampered {
  readonly description: string;
  readonly request: ReplayRequest;
  readonly codes: readonly string[];
}

function withTarget(request: ReplayRequest, target: string): ReplayRequest {
  return { ...request, target };
}

function withHeader(request: ReplayRequest, name: string, value: string): ReplayRequest {
  return { ...request, headers: { ...request.headers, [name]: value } };
}

/** Builds every copy of `request` that has one byte changed in a signed part. */
function tamperedCopies(request: ReplayRequest): Tampered[] {
  const copies: Tampered[] = [];
  const queryStart = request.target.indexOf("?");
  if (queryStart !== -1) {
    for (let index = queryStart + 1; index < request.target.length; index++) {
      copies.push({
        description: `query byte ${index - queryStart - 1}`,
        request: withTarget(request, changeCharAt(request.target, index)),
        // A changed escape may no longer decode (InvalidParameter) before the signature check.
        codes: ["SignatureDoesNotMatch", "InvalidParameter"],
      });
    }
  }

  const pathEnd = queryStart === -1 ? request.target.length : queryStart;
  for (let index = 1; index < pathEnd; index++) {
    copies.push({
      description: `path byte ${index}`,
      request: withTarget(request, changeCharAt(request.target, index)),
      // A changed ROA path may match no operation.
      codes: ["SignatureDoesNotMatch", "InvalidAction.NotFound"],
    });
  }

  const authorization = request.headers.authorization ?? "";
  const signedHeaders = /SignedHeaders=([^,]*)/.exec(authorization)?.[1]?.split(";") ?? [];
  for (const name of signedHeaders) {
    const value = request.headers[name] ?? "";
    for (let index = 0; index < value.length; index++) {
      copies.push({
        description: `${name} byte ${index}`,
        request: withHeader(request, name, changeCharAt(value, index)),
        codes: HEADER_CODES[name] ?? ["SignatureDoesNotMatch"],
      });
    }
  }

  for (let index = 0; index < request.body.length; index++) {
    const body = Buffer.from(request.body);
    body[index] = (body[index] as number) ^ 1;
    copies.push({
      description: `body byte ${index}`,
      request: { ...request, body },
      // A form body is decoded before the signature check; a broken escape fails there.
      codes: ["SignatureDoesNotMatch", "InvalidParameter"],
    });
  }

  const signatureStart = authorization.indexOf("Signature=") + "Signature=".length;
  for (let index = 0; index < authorization.length; index++) {
    copies.push({
      description: `authorization byte ${index}`,
      request: withHeader(request, "authorization", changeCharAt(authorization, index)),
      codes:
        index >= signatureStart
          ? ["SignatureDoesNotMatch"]
          : ["IncompleteSignature", "InvalidAccessKeyId.NotFound", "SignatureDoesNotMatch"],
    });
  }
  return copies;
}

function describeOutcome(response: ReplayResponse): string {
  if (response.status === 200) {
    return "200 OK";
  }
  return `${response.status} ${response.code ?? response.text.slice(0, 80)}`;
}

/**
 * Replays every tampered copy, expecting a rejection with one of its codes, then the original,
 * expecting success; returns how many copies were tried.
 */
async function expectTamperEvident(captured: CapturedRequest): Promise<number> {
  const original = replayable(captured);
  const copies = tamperedCopies(original);
  const failures: string[] = [];
  for (const copy of copies) {
    const response = await replay(server.port, copy.request);
    if (response.code === undefined || !copy.codes.includes(response.code)) {
      failures.push(`${copy.description}: ${describeOutcome(response)}`);
    }
  }
  expect(failures).toEqual([]);
  const accepted = await replay(server.port, original);
  expect(describeOutcome(accepted)).toBe("200 OK");
  return copies.length;
}

async function captureCall(send: (client: AcsClient) => Promise<unknown>, sts = false) {
  const credentials = sts ? STS_CREDENTIAL : AK_CREDENTIAL;
  const client = recordsClient({ endpoint: capture.url, credentials });
  clients.push(client);
  await send(client);
  return capture.take();
}

describe("one changed byte is rejected", () => {
  test("AddCrossAccount query", async () => {
    const client = new HbrClient({ endpoint: capture.url, credentials: AK_CREDENTIAL });
    clients.push(client);
    await client.addCrossAccount({
      Alias: "prod (a*b) 备份",
      CrossAccountRoleName: "hbrcrossrole",
      CrossAccountType: "CROSS_ACCOUNT",
      CrossAccountUserId: 1589753000000625,
    });
    expect(await expectTamperEvident(capture.take())).toBeGreaterThan(300);
  });

  test("ChangeResourceGroup form body with STS", async () => {
    const captured = await captureCall(
      (client) =>
        client.send(CHANGE_RESOURCE_GROUP, {
          NewResourceGroupId: "rg-aek2",
          ResourceId: "v-0003 (x)",
          Tags: [{ Key: "env", Value: "测试" }],
        }),
      true,
    );
    expect(captured.headers["x-acs-security-token"]).toBe(STS.securityToken);
    expect(await expectTamperEvident(captured)).toBeGreaterThan(300);
  });

  test("UpdateRecord path and JSON body", async () => {
    const captured = await captureCall((client) =>
      client.send(UPDATE_RECORD, {
        RecordId: "rec 42",
        Mode: "replace",
        body: { Name: "nightly", Labels: ["a"], Size: 12 },
      }),
    );
    expect(await expectTamperEvident(captured)).toBeGreaterThan(300);
  });
});

describe("accepted changes", () => {
  test("unsigned headers may change; a replay may not", async () => {
    const captured = await captureCall((client) =>
      client.send(CHANGE_RESOURCE_GROUP, { ResourceId: "v-1" }),
    );
    const original = replayable(captured);
    // user-agent and accept are outside the signature, in the official runtime too.
    const changed = withHeader(withHeader(original, "user-agent", "other/1.0"), "accept", "*/*");
    expect(describeOutcome(await replay(server.port, changed))).toBe("200 OK");
    expect(describeOutcome(await replay(server.port, original))).toBe("400 SignatureNonceUsed");
  });
});
