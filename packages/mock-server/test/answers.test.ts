import { ServiceError } from "@acs-sdk/core/errors";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { ADD_CROSS_ACCOUNT, GADGETS_SPEC, HBR_SPEC, hbrClient } from "./fixtures.js";
import { send, signedRequest, TEST_CREDENTIAL } from "./wire-client.js";

const REQUEST_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({
    spec: [HBR_SPEC, GADGETS_SPEC],
    credentials: [TEST_CREDENTIAL],
  });
});
afterAll(() => server.close());

describe("success", () => {
  test("client call answers the spec example with a fresh RequestId", async () => {
    const client = hbrClient(server);
    const result = await client.send<Record<string, unknown>>(ADD_CROSS_ACCOUNT, {
      CrossAccountUserId: 1589753000000625,
      CrossAccountRoleName: "hbrcrossrole",
      CrossAccountType: "CROSS_ACCOUNT",
      Alias: "source-account-1",
    });
    client.destroy();
    expect(result).toMatchObject({ Code: "200", Message: "successful", Success: true });
    expect(result.RequestId).toMatch(REQUEST_ID);
    expect(result.RequestId).not.toBe("473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E");
    expect(result.$metadata.headers["x-acs-request-id"]).toBe(result.RequestId);
  });

  test("log entry holds the decoded request", async () => {
    server.clearRequests();
    const response = await send(
      server,
      signedRequest(server, {
        query: [
          ["CrossAccountUserId", "1589753000000625"],
          ["CrossAccountType", "CROSS_ACCOUNT_BY_RD"],
        ],
      }),
    );
    expect(response.status).toBe(200);
    const [entry] = server.requests;
    expect(entry).toMatchObject({
      sequence: 1,
      method: "POST",
      url: "/?CrossAccountUserId=1589753000000625&CrossAccountType=CROSS_ACCOUNT_BY_RD",
      action: "AddCrossAccount",
      operation: { product: "hbr", apiVersion: "2017-09-08", name: "AddCrossAccount" },
      parameters: { CrossAccountUserId: 1589753000000625, CrossAccountType: "CROSS_ACCOUNT_BY_RD" },
      signature: "ACS3-HMAC-SHA256",
      accessKeyId: TEST_CREDENTIAL.accessKeyId,
      requestId: response.json?.RequestId,
      verdict: { outcome: "answered", status: 200 },
    });
    expect(entry?.headers["x-acs-action"]).toBe("AddCrossAccount");
    expect(server.attempts("AddCrossAccount")).toBe(1);
  });
});

describe("routing", () => {
  test.each([
    ["unknown action", { action: "AddNothing" }, 404, "InvalidAction.NotFound"],
    ["unknown version", { version: "2099-01-01" }, 400, "InvalidVersion"],
    ["method the operation refuses", { method: "PUT" }, 404, "InvalidAction.NotFound"],
    [
      "path no operation serves",
      { method: "GET", pathname: "/nothing" },
      404,
      "InvalidAction.NotFound",
    ],
    ["missing action", { headers: { "x-acs-action": "" } }, 400, "MissingParameter"],
  ] as const)("%s", async (_name, spec, status, code) => {
    const response = await send(server, signedRequest(server, spec));
    expect(response.status).toBe(status);
    expect(response.json?.Code).toBe(code);
  });

  test("error body has the gateway's fields", async () => {
    const response = await send(server, signedRequest(server, { action: "AddNothing" }));
    expect(Object.keys(response.json ?? {}).sort()).toEqual([
      "Code",
      "HostId",
      "Message",
      "Recommend",
      "RequestId",
    ]);
    expect(response.json).toMatchObject({
      HostId: "127.0.0.1",
      Recommend: "https://api.aliyun.com/troubleshoot?q=InvalidAction.NotFound",
    });
    expect(response.headers["x-acs-request-id"]).toBe(response.json?.RequestId);
    expect(response.headers["content-type"]).toBe("application/json;charset=utf-8");
  });

  test("client sees a service error", async () => {
    const client = hbrClient(server);
    const call = client.send(ADD_CROSS_ACCOUNT, { CrossAccountType: "NONE" });
    await expect(call).rejects.toBeInstanceOf(ServiceError);
    await expect(call).rejects.toMatchObject({ code: "InvalidParameter", httpStatus: 400 });
    client.destroy();
  });
});

describe("second product", () => {
  test("ROA operation decodes every parameter style", async () => {
    server.clearRequests();
    const response = await send(
      server,
      signedRequest(server, {
        action: "UpdateGadget",
        version: "2024-06-01",
        method: "PUT",
        pathname: "/gadgets/g-7",
        query: [
          ["Tags.1.Key", "env"],
          ["Tags.1.Value", "prod"],
          ["Tags.2.Key", "team"],
          ["Filter.Kind", "round"],
          ["Filter.Size", "3"],
          ["Labels", '["a","b"]'],
          ["Zones", "z1,z2"],
        ],
        headers: { "x-acs-gadget-zone": "east" },
        contentType: "application/json; charset=utf-8",
        body: '{"Name":"box","Size":9007199254740993}',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      requestId: expect.stringMatching(REQUEST_ID),
      GadgetId: "g-1",
    });
    expect(server.requests[0]?.parameters).toEqual({
      GadgetId: "g-7",
      "x-acs-gadget-zone": "east",
      Tags: [{ Key: "env", Value: "prod" }, { Key: "team" }],
      Filter: { Kind: "round", Size: 3 },
      Labels: ["a", "b"],
      Zones: ["z1", "z2"],
      Settings: { Name: "box", Size: 9007199254740993n },
    });
  });

  test("RPC form body rebuilds a numbered list in numeric order", async () => {
    server.clearRequests();
    const ids = Array.from({ length: 11 }, (_, index) => index + 1);
    const form = ids.map((id) => `Ids.${id}=${id}`).join("&");
    const response = await send(
      server,
      signedRequest(server, {
        action: "DeleteGadgets",
        version: "2024-06-01",
        contentType: "application/x-www-form-urlencoded",
        body: `${form}&Force=true`,
      }),
    );
    expect(response.status).toBe(200);
    expect(server.requests[0]?.parameters).toEqual({ Ids: ids, Force: true });
  });
});
