import { describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import { parseYamlSource } from "../src/index.js";

/** Plain scalars whose type differs between YAML 1.1, js-yaml's schemas and the 1.2 core schema. */
const SCALARS = [
  "~",
  "null",
  "Null",
  "NULL",
  "nULL",
  "",
  "true",
  "True",
  "TRUE",
  "yes",
  "on",
  "0",
  "-0",
  "+12",
  "0123",
  "0o17",
  "0x1F",
  "0b101",
  "1_000",
  "9007199254740993",
  "1.5",
  "1.",
  ".5",
  "-1.0e3",
  "1e3",
  ".inf",
  "-.Inf",
  ".NaN",
  ".nan",
  "2017-09-08",
  "2001-12-14t21:59:43.10-05:00",
  "<<",
  "=",
];

describe("parseYamlSource", () => {
  test("scalars follow the yaml core schema", () => {
    const text = [
      ...SCALARS.map((scalar, index) => `k${index}: ${scalar}`),
      "example:",
      ...SCALARS.map((scalar, index) => `  k${index}: ${scalar}`),
      "merged:",
      "  <<: {a: x}",
    ].join("\n");
    const narrow = (item: unknown, inExample: boolean): unknown =>
      typeof item === "bigint" && (!inExample || Number.isSafeInteger(Number(item)))
        ? Number(item)
        : item;
    const parsed = parseDocument(text, { intAsBigInt: true }).toJS() as Record<string, unknown>;
    const example = parsed.example as Record<string, unknown>;
    const expected = Object.fromEntries(
      Object.entries(parsed).map(([key, item]) => [key, narrow(item, false)]),
    );
    expected.example = Object.fromEntries(
      Object.entries(example).map(([key, item]) => [key, narrow(item, true)]),
    );
    const value = parseYamlSource("scalars.yaml", text).value;
    expect(value).toStrictEqual(expected);
    expect(value.k19).toBe(9007199254740992);
    expect((value.example as Record<string, unknown>).k19).toBe(9007199254740993n);
  });

  test("locate finds line and column", () => {
    const source = parseYamlSource("spec.yaml", "a:\n  b:\n    - x\n    - y\n");
    expect(source.locate(["a", "b", 1])).toEqual({ line: 4, column: 7 });
  });
});
