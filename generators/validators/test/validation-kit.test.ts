import { describe, expect, test } from "vitest";
import {
  checkArray,
  checkBinary,
  checkBoolean,
  checkEnum,
  checkInt64,
  checkInteger,
  checkItemCount,
  checkLength,
  checkNumber,
  checkObject,
  checkPattern,
  checkPresent,
  checkRange,
  checkRoot,
  checkString,
  ownValue,
  type ValidationIssue,
} from "../src/kit/validation-kit.js";

function run(check: (issues: ValidationIssue[]) => void): string[] {
  const issues: ValidationIssue[] = [];
  check(issues);
  return issues.map((issue) => `${issue.path}|${issue.constraint}|${issue.message}`);
}

describe("validation kit", () => {
  test.each([
    [
      "absent string",
      () => run((i) => checkLength(checkString(undefined, "A", i), "A", i, { minLength: 1 })),
      [],
    ],
    [
      "null string",
      () => run((i) => checkLength(checkString(null, "A", i), "A", i, { minLength: 1 })),
      [],
    ],
    [
      "maxLength",
      () => run((i) => checkLength("x".repeat(33), "Alias", i, { maxLength: 32 })),
      ["Alias|maxLength|Alias must be at most 32 characters long (got 33)."],
    ],
    [
      "minLength of one",
      () => run((i) => checkLength("", "Key", i, { minLength: 1 })),
      ["Key|minLength|Key must be at least 1 character long (got 0)."],
    ],
    ["code points", () => run((i) => checkLength("名称😀", "Name", i, { maxLength: 3 })), []],
    [
      "enum",
      () =>
        run((i) => checkEnum("X", "CrossAccountType", i, ["CROSS_ACCOUNT", "CROSS_ACCOUNT_BY_RD"])),
      [
        'CrossAccountType|enum|CrossAccountType must be one of CROSS_ACCOUNT, CROSS_ACCOUNT_BY_RD (got "X").',
      ],
    ],
    [
      "pattern",
      () => run((i) => checkPattern("x-1", "Id", i, "^w-[0-9]+$")),
      ['Id|pattern|Id must match ^w-[0-9]+$ (got "x-1").'],
    ],
    [
      "string type",
      () => run((i) => checkString(5, "Name", i)),
      ["Name|type|Name must be a string (got 5)."],
    ],
    [
      "integer",
      () => run((i) => checkInteger(1.5, "Size", i)),
      ["Size|type|Size must be an integer (got 1.5)."],
    ],
    [
      "minimum",
      () =>
        run((i) =>
          checkRange(checkInteger(0, "PageSize", i), "PageSize", i, { minimum: 1, maximum: 100 }),
        ),
      ["PageSize|minimum|PageSize must be at least 1 (got 0)."],
    ],
    [
      "exclusive bounds",
      () => run((i) => checkRange(0, "Ratio", i, { exclusiveMinimum: 0, exclusiveMaximum: 1 })),
      ["Ratio|exclusiveMinimum|Ratio must be greater than 0 (got 0)."],
    ],
    [
      "number type",
      () => run((i) => checkNumber(Number.NaN, "Ratio", i)),
      ["Ratio|type|Ratio must be a finite number (got NaN)."],
    ],
    ["int64 number", () => run((i) => checkInt64(1589753000000625, "Uid", i)), []],
    ["int64 bigint", () => run((i) => checkInt64(9007199254740993n, "Uid", i)), []],
    ["int64 digits", () => run((i) => checkInt64("9007199254740993", "Uid", i)), []],
    [
      "int64 bound on bigint",
      () =>
        run((i) => checkRange(checkInt64(9007199254740993n, "Uid", i), "Uid", i, { maximum: 10 })),
      ["Uid|maximum|Uid must be at most 10 (got 9007199254740993n)."],
    ],
    [
      "int64 text",
      () => run((i) => checkInt64("12a", "Uid", i)),
      ['Uid|type|Uid must be an integer (a number, a bigint or a string of digits) (got "12a").'],
    ],
    [
      "int64 unsafe number",
      () => run((i) => checkInt64(2 ** 60, "Uid", i)),
      [
        "Uid|type|Uid must be an integer (a number, a bigint or a string of digits) (got 1152921504606847000).",
      ],
    ],
    [
      "int64 digits in range",
      () => run((i) => checkRange(checkInt64("12", "Uid", i), "Uid", i, { minimum: 13 })),
      ["Uid|minimum|Uid must be at least 13 (got 12n)."],
    ],
    [
      "numeric enum",
      () => run((i) => checkEnum(checkInteger(3, "Level", i), "Level", i, [1, 2])),
      ["Level|enum|Level must be one of 1, 2 (got 3)."],
    ],
    [
      "wrong type skips constraints",
      () => run((i) => checkLength(checkString(5, "Name", i), "Name", i, { minLength: 2 })),
      ["Name|type|Name must be a string (got 5)."],
    ],
    [
      "boolean",
      () => run((i) => checkBoolean("true", "Flag", i)),
      ['Flag|type|Flag must be a boolean (got "true").'],
    ],
    ["binary bytes", () => run((i) => checkBinary(new Uint8Array(2), "body", i)), []],
    [
      "binary type",
      () => run((i) => checkBinary(3, "body", i)),
      ["body|type|body must be a Uint8Array or a string (got 3)."],
    ],
    [
      "array bounds",
      () => run((i) => checkItemCount([1, 2, 3], "Tags", i, { minItems: 1, maxItems: 2 })),
      ["Tags|maxItems|Tags must have at most 2 items (got 3)."],
    ],
    [
      "array type",
      () => run((i) => checkArray({}, "Tags", i)),
      ["Tags|type|Tags must be a list (got an object)."],
    ],
    [
      "object type",
      () => run((i) => checkObject([], "Filter", i)),
      ["Filter|type|Filter must be an object (got a list)."],
    ],
    [
      "root type",
      () => run((i) => checkRoot("x", "request", i)),
      ['|type|The request must be an object (got "x").'],
    ],
    [
      "required",
      () => run((i) => checkPresent({ Name: null }, "Name", "Name", i)),
      ["Name|required|Name is required."],
    ],
    [
      "root path",
      () => run((i) => checkString(1, "", i)),
      ["|type|The value must be a string (got 1)."],
    ],
  ])("%s", (_case, check, expected) => {
    expect(check()).toEqual(expected);
  });

  test("ownValue ignores inherited keys", () => {
    expect(ownValue({}, "constructor")).toBeUndefined();
    expect(ownValue({}, "__proto__")).toBeUndefined();
    const own = JSON.parse('{"__proto__": "x"}') as Record<string, unknown>;
    expect(ownValue(own, "__proto__")).toBe("x");
  });
});
