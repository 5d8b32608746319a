import { ValidationError } from "@acs-sdk/core/errors";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  addCrossAccount,
  addCrossAccountOperation,
  createHbrClient,
  type HbrClient,
  hbrService,
} from "../src/index.js";
import {
  createTestClient,
  type LoopbackServer,
  startLoopbackServer,
} from "./support/loopback-server.js";

let server: LoopbackServer;
let client: HbrClient;

beforeEach(async () => {
  server = await startLoopbackServer();
  client = createTestClient(server);
});

afterEach(async () => {
  client.destroy();
  await server.close();
});

describe("generated client", () => {
  test("service descriptor", () => {
    expect(client.service).toBe(hbrService);
    expect(hbrService).toMatchObject({
      product: "hbr",
      apiVersion: "2017-09-08",
      endpoint: { rule: "regional", productId: "hbr" },
    });
  });

  test("operation descriptor", () => {
    expect(addCrossAccountOperation).toMatchObject({
      action: "AddCrossAccount",
      method: "POST",
      pathname: "/",
      style: "RPC",
      readOnly: false,
    });
    expect(addCrossAccountOperation.parameters.map((parameter) => parameter.in)).toEqual([
      "query",
      "query",
      "query",
      "query",
    ]);
  });

  test("createHbrClient sends through the operation functions", async () => {
    const bare = createHbrClient({ ...client.config });
    try {
      await addCrossAccount(bare, { CrossAccountType: "CROSS_ACCOUNT_BY_RD" });
    } finally {
      bare.destroy();
    }
    expect(bare.service).toBe(hbrService);
    expect("addCrossAccount" in bare).toBe(false);
    expect(server.requests[0]?.headers["x-acs-action"]).toBe("AddCrossAccount");
  });

  test("method and function send the same request", async () => {
    await client.addCrossAccount({ CrossAccountType: "CROSS_ACCOUNT_BY_RD" });
    await addCrossAccount(client, { CrossAccountType: "CROSS_ACCOUNT_BY_RD" });
    const [viaMethod, viaFunction] = server.requests;
    expect(viaMethod?.url.search).toBe("?CrossAccountType=CROSS_ACCOUNT_BY_RD");
    expect(viaFunction?.url.search).toBe(viaMethod?.url.search);
    expect(viaMethod?.headers["x-acs-version"]).toBe("2017-09-08");
  });

  test("enum is checked before sending", async () => {
    const call = client.addCrossAccount({ CrossAccountType: "X" as "CROSS_ACCOUNT" });
    await expect(call).rejects.toBeInstanceOf(ValidationError);
    await expect(call).rejects.toMatchObject({
      issues: [
        {
          path: "CrossAccountType",
          message: 'CrossAccountType must be one of CROSS_ACCOUNT, CROSS_ACCOUNT_BY_RD (got "X").',
        },
      ],
    });
    expect(server.requests).toHaveLength(0);
  });
});
