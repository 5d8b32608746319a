import type { ValidationIssue } from "@acs-sdk/core";
import { requestValidators } from "@acs-sdk/hbr-validators";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { GADGETS_SPEC, HBR_SPEC } from "./fixtures.js";
import { send, signedRequest, TEST_CREDENTIAL } from "./wire-client.js";

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({
    spec: [HBR_SPEC, GADGETS_SPEC],
    credentials: [TEST_CREDENTIAL],
  });
});
afterAll(() => server.close());

/** Sends AddCrossAccount with the given query pairs. */
function addCrossAccount(target: MockServer, query: ReadonlyArray<readonly [string, string]>) {
  return send(target, signedRequest(target, { query }));
}

/** Sends UpdateGadget with a valid body and the given query pairs. */
function updateGadget(query: ReadonlyArray<readonly [string, string]>, body = '{"Name":"box"}') {
  return send(
    server,
    signedRequest(server, {
      action: "UpdateGadget",
      version: "2024-06-01",
      method: "PUT",
      pathname: "/gadgets/g-1",
      query,
      contentType: "application/json",
      body,
    }),
  );
}

describe("spec constraints", () => {
  test.each([
    ["enum", [["CrossAccountType", "SOMETHING"]], "CrossAccountType", "must be one of"],
    ["maxLength", [["Alias", "a".repeat(33)]], "Alias", "at most 32 characters"],
    ["integer type", [["CrossAccountUserId", "12ab"]], "CrossAccountUserId", "expected an integer"],
  ] as const)("%s violation is InvalidParameter", async (_name, query, parameter, detail) => {
    const response = await addCrossAccount(server, query);
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("InvalidParameter");
    expect(response.json?.Message).toContain(`"${parameter}"`);
    expect(response.json?.Message).toContain(detail);
  });

  test("32 characters pass maxLength", async () => {
    const response = await addCrossAccount(server, [["Alias", "é".repeat(32)]]);
    expect(response.status).toBe(200);
  });

  test("missing required form list is MissingParameter", async () => {
    const response = await send(
      server,
      signedRequest(server, {
        action: "DeleteGadgets",
        version: "2024-06-01",
        contentType: "application/x-www-form-urlencoded",
        body: "Force=true",
      }),
    );
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("MissingParameter");
    expect(response.json?.Message).toBe(
      'The input parameter "Ids" that is mandatory for processing this request is not supplied.',
    );
  });

  test.each([
    ["path pattern", [], "InvalidParameter", "GadgetId", "/gadgets/G_1"],
    [
      "nested required member",
      [["Tags.1.Value", "v"]],
      "MissingParameter",
      "Tags[0].Key",
      undefined,
    ],
    ["nested enum", [["Filter.Kind", "oval"]], "InvalidParameter", "Filter.Kind", undefined],
    ["nested maximum", [["Filter.Size", "11"]], "InvalidParameter", "Filter.Size", undefined],
  ] as const)("%s is checked", async (_name, query, code, parameter, pathname) => {
    const response = await send(
      server,
      signedRequest(server, {
        action: "UpdateGadget",
        version: "2024-06-01",
        method: "PUT",
        pathname: pathname ?? "/gadgets/g-1",
        query,
        contentType: "application/json",
        body: '{"Name":"box"}',
      }),
    );
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe(code);
    expect(response.json?.Message).toContain(`"${parameter}"`);
  });

  test("JSON body member is checked", async () => {
    const response = await updateGadget([], '{"Name":"much-too-long"}');
    expect(response.json?.Code).toBe("InvalidParameter");
    expect(response.json?.Message).toContain('"Settings.Name"');
  });

  test("missing JSON body is MissingParameter", async () => {
    const response = await updateGadget([], "");
    expect(response.json?.Code).toBe("MissingParameter");
    expect(response.json?.Message).toContain('"Settings"');
  });

  test("invalid JSON body is InvalidParameter", async () => {
    const response = await updateGadget([], "{");
    expect(response.json?.Code).toBe("InvalidParameter");
  });
});

describe("wire forms", () => {
  test.each([
    ["list sent as one value", [["Tags", "a"]], "Tags"],
    ["list item numbered from 0", [["Tags.0.Key", "a"]], "Tags.0"],
    ["JSON-style value that is not JSON", [["Labels", "[a"]], "Labels"],
    ["number that is not a number", [["Filter.Size", "three"]], "Filter.Size"],
    [
      "key sent twice",
      [
        ["Zones", "a"],
        ["Zones", "b"],
      ],
      "Zones",
    ],
  ] as const)("%s is InvalidParameter", async (_name, query, parameter) => {
    const response = await updateGadget(query);
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("InvalidParameter");
    expect(response.json?.Message).toContain(`"${parameter}"`);
  });

  test("unknown key is logged, not rejected", async () => {
    server.clearRequests();
    const response = await addCrossAccount(server, [["Aliass", "typo"]]);
    expect(response.status).toBe(200);
    expect(server.requests[0]?.unknownParameters).toEqual(["Aliass"]);
  });
});

describe("options", () => {
  test("rejectUnknownParameters rejects an undeclared key", async () => {
    const strict = await startMockServer({
      spec: HBR_SPEC,
      credentials: [TEST_CREDENTIAL],
      rejectUnknownParameters: true,
    });
    try {
      const response = await addCrossAccount(strict, [["Aliass", "typo"]]);
      expect(response.status).toBe(400);
      expect(response.json?.Message).toContain('"Aliass"');
    } finally {
      await strict.close();
    }
  });

  test("generated HBR validators check requests", async () => {
    const validated = await startMockServer({
      spec: HBR_SPEC,
      credentials: [TEST_CREDENTIAL],
      validators: requestValidators,
    });
    try {
      const valid = await addCrossAccount(validated, [
        ["Alias", "a".repeat(32)],
        ["CrossAccountUserId", "1589753000000625"],
        ["CrossAccountType", "CROSS_ACCOUNT"],
      ]);
      expect(valid.status).toBe(200);
      const tooLong = await addCrossAccount(validated, [["Alias", "a".repeat(33)]]);
      expect(tooLong.json?.Code).toBe("InvalidParameter");
      expect(tooLong.json?.Message).toContain('"Alias"');
      const wrongType = await addCrossAccount(validated, [["CrossAccountType", "OTHER"]]);
      expect(wrongType.json?.Code).toBe("InvalidParameter");
      expect(wrongType.json?.Message).toContain('"CrossAccountType"');
    } finally {
      await validated.close();
    }
  });

  test("validators replace the spec constraints", async () => {
    const seen: unknown[] = [];
    const validator = (request: unknown): ValidationIssue[] => {
      seen.push(request);
      const alias = (request as { Alias?: string }).Alias;
      return alias === undefined
        ? [{ path: "Alias", constraint: "required", message: "Alias is required." }]
        : [{ path: "Alias", constraint: "pattern", message: "Alias must start with a letter." }];
    };
    const validated = await startMockServer({
      spec: HBR_SPEC,
      credentials: [TEST_CREDENTIAL],
      validators: { AddCrossAccount: validator },
    });
    try {
      const missing = await addCrossAccount(validated, []);
      expect(missing.json).toMatchObject({ Code: "MissingParameter" });
      expect(missing.json?.Message).toContain('"Alias"');
      // The spec allows CROSS_ACCOUNT_BY_RD and an alias of 5 characters; the validator decides.
      const invalid = await addCrossAccount(validated, [["Alias", "1abcd"]]);
      expect(invalid.json).toMatchObject({ Code: "InvalidParameter" });
      expect(invalid.json?.Message).toBe(
        'The specified parameter "Alias" is not valid: Alias must start with a letter.',
      );
      expect(seen).toEqual([{}, { Alias: "1abcd" }]);
    } finally {
      await validated.close();
    }
  });
});
