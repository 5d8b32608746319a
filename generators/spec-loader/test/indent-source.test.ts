import { describe, expect, test } from "vitest";
import { indentSource } from "../src/index.js";

/** Source text with a multi-line template literal; `$` and `{` are apart so lint sees no hole. */
const TEMPLATE = "const t = `a\n  {b\n$" + "{c}`;\nd();";

describe("indentSource", () => {
  test.each([
    ["flat statements", "a();\n    b();", "a();\nb();"],
    ["block", "if (x) {\nreturn y;\n}", "if (x) {\n  return y;\n}"],
    ["nested blocks", "f() {\nif (x) {\ny();\n}\n}", "f() {\n  if (x) {\n    y();\n  }\n}"],
    [
      "two brackets opened on one line",
      "Object.freeze(\nObject.assign(base, {\na: b,\n}),\n);",
      "Object.freeze(\n  Object.assign(base, {\n    a: b,\n  }),\n);",
    ],
    ["brackets in strings", "f(\"{\", '(');\ng();", "f(\"{\", '(');\ng();"],
    ["escaped quote", 'f("\\"{");\ng();', 'f("\\"{");\ng();'],
    ["brackets in line comments", "// {\ng();", "// {\ng();"],
    [
      "block comment keeps its offset",
      "class A {\n/**\n * Text {\n */\nm(): void;\n}",
      "class A {\n  /**\n   * Text {\n   */\n  m(): void;\n}",
    ],
    ["template text is kept", TEMPLATE, TEMPLATE],
    ["blank lines lose spaces", "{\n   \nx;\n}", "{\n\n  x;\n}"],
  ])("%s", (_name, input, expected) => {
    expect(indentSource(input)).toBe(expected);
  });
});
