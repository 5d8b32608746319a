import { ValidationError } from "@acs-sdk/core/errors";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  addCrossAccountByResourceDirectory,
  addCrossAccountByRole,
  type CrossAccountByResourceDirectory,
  type HbrClient,
} from "../src/index.js";
import {
  createTestClient,
  type LoopbackServer,
  SUCCESS_BODY,
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

function sentQuery(): Record<string, string> {
  const [request] = server.requests;
  return Object.fromEntries(request?.url.searchParams ?? []);
}

describe("addCrossAccountByRole", () => {
  test("fills the relationship type", async () => {
    const response = await addCrossAccountByRole(client, {
      accountId: 1589753000000625,
      roleName: "hbrcrossrole",
      alias: "source-account-1",
    });
    expect(response).toMatchObject(SUCCESS_BODY);
    expect(response.$metadata.httpStatus).toBe(200);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.method).toBe("POST");
    expect(server.requests[0]?.headers["x-acs-action"]).toBe("AddCrossAccount");
    expect(sentQuery()).toEqual({
      Alias: "source-account-1",
      CrossAccountRoleName: "hbrcrossrole",
      CrossAccountType: "CROSS_ACCOUNT",
      CrossAccountUserId: "1589753000000625",
    });
  });

  test("alias is optional", async () => {
    await addCrossAccountByRole(client, { accountId: 9007199254740993n, roleName: "r" });
    expect(sentQuery()).toEqual({
      CrossAccountRoleName: "r",
      CrossAccountType: "CROSS_ACCOUNT",
      CrossAccountUserId: "9007199254740993",
    });
  });

  test("empty role name is rejected before sending", async () => {
    const call = addCrossAccountByRole(client, { accountId: 1, roleName: " " });
    await expect(call).rejects.toBeInstanceOf(ValidationError);
    await expect(call).rejects.toMatchObject({
      issues: [{ path: "roleName", constraint: "required" }],
    });
    expect(server.requests).toHaveLength(0);
  });

  test("long alias fails the generated validator", async () => {
    const call = addCrossAccountByRole(client, {
      accountId: 1,
      roleName: "r",
      alias: "a".repeat(33),
    });
    await expect(call).rejects.toMatchObject({
      issues: [
        {
          path: "Alias",
          constraint: "maxLength",
          message: "Alias must be at most 32 characters long (got 33).",
        },
      ],
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe("addCrossAccountByResourceDirectory", () => {
  test("sends only the account and the type", async () => {
    await addCrossAccountByResourceDirectory(client, { accountId: 1589753000000625 });
    expect(sentQuery()).toEqual({
      CrossAccountType: "CROSS_ACCOUNT_BY_RD",
      CrossAccountUserId: "1589753000000625",
    });
  });

  test("role fields are rejected", async () => {
    const input = { accountId: 1, roleName: "r" } as CrossAccountByResourceDirectory;
    await expect(addCrossAccountByResourceDirectory(client, input)).rejects.toMatchObject({
      issues: [{ path: "roleName", constraint: "combination" }],
    });
    expect(server.requests).toHaveLength(0);
  });

  test("account id must be an integer", async () => {
    const input = { accountId: "123" } as unknown as CrossAccountByResourceDirectory;
    await expect(addCrossAccountByResourceDirectory(client, input)).rejects.toMatchObject({
      issues: [{ path: "accountId", constraint: "type" }],
    });
  });
});
