import { describe, expect, test } from "vitest";
import {
  requestValidators,
  validateAddCrossAccountRequest,
  validateAddCrossAccountResponse,
} from "../src/index.js";

describe("validateAddCrossAccountRequest", () => {
  test.each([
    ["empty request", {}, []],
    [
      "every parameter",
      {
        CrossAccountUserId: 1589753000000625,
        CrossAccountRoleName: "hbrcrossrole",
        CrossAccountType: "CROSS_ACCOUNT",
        Alias: "source-account-1",
      },
      [],
    ],
    ["int64 as bigint", { CrossAccountUserId: 9007199254740993n }, []],
    ["int64 as digits", { CrossAccountUserId: "9007199254740993" }, []],
    [
      "alias too long",
      { Alias: "a".repeat(33) },
      ["Alias|maxLength|Alias must be at most 32 characters long (got 33)."],
    ],
    [
      "unknown type",
      { CrossAccountType: "X" },
      [
        'CrossAccountType|enum|CrossAccountType must be one of CROSS_ACCOUNT, CROSS_ACCOUNT_BY_RD (got "X").',
      ],
    ],
    [
      "fractional account",
      { CrossAccountUserId: 1.5 },
      [
        "CrossAccountUserId|type|CrossAccountUserId must be an integer (a number, a bigint or a string of digits) (got 1.5).",
      ],
    ],
    [
      "role name type",
      { CrossAccountRoleName: 7 },
      ["CrossAccountRoleName|type|CrossAccountRoleName must be a string (got 7)."],
    ],
    ["not an object", [], ["|type|The request must be an object (got a list)."]],
  ])("%s", (_case, request, expected) => {
    const issues = validateAddCrossAccountRequest(request);
    expect(issues.map((issue) => `${issue.path}|${issue.constraint}|${issue.message}`)).toEqual(
      expected,
    );
  });
});

describe("validateAddCrossAccountResponse", () => {
  test("documented example", () => {
    const example = {
      Code: "200",
      Message: "successful",
      RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
      Success: true,
    };
    expect(validateAddCrossAccountResponse(example)).toEqual([]);
  });

  test("wrong field type", () => {
    expect(validateAddCrossAccountResponse({ Success: "true" })).toEqual([
      { path: "Success", constraint: "type", message: 'Success must be a boolean (got "true").' },
    ]);
  });
});

describe("requestValidators", () => {
  test("keyed by operation name", () => {
    expect(Object.keys(requestValidators)).toEqual([
      "AddCrossAccount",
      "DeleteCrossAccount",
      "DescribeCrossAccounts",
      "DescribeTask",
    ]);
    expect(requestValidators.AddCrossAccount).toBe(validateAddCrossAccountRequest);
  });

  test("unknown names read as undefined", () => {
    expect(requestValidators.constructor).toBeUndefined();
    expect(requestValidators.toString).toBeUndefined();
    expect(Object.isFrozen(requestValidators)).toBe(true);
  });
});
