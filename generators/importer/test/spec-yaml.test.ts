import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toSpecYaml } from "../src/index.js";

/**
 * Integers compare as bigint, so number/bigint choices do not matter. A large integral double is
 * compared by its shortest decimal text, which is what YAML holds; from 1e21 on that text is
 * exponential and reads back as a number.
 */
function normalize(value: unknown): unknown {
  if (typeof value === "number") {
    return Number.isInteger(value) && Math.abs(value) < 1e21 ? BigInt(String(value)) : value;
  }
  if (Array.isArray(value)) {
    return value.map(normalize);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalize(item)]));
  }
  return value;
}

const TRICKY_UNITS = [
  " ",
  "\n",
  "\t",
  "\r",
  ":",
  "#",
  "-",
  "?",
  '"',
  "'",
  "|",
  ">",
  "{",
  "[",
  "&",
  "*",
  "!",
].concat([
  "%",
  "@",
  "`",
  "0",
  "1",
  ".",
  "e",
  "y",
  "n",
  "~",
  "=",
  "<",
  "\u0085",
  "\u2028",
  "\u007f",
  "中",
]);

const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...TRICKY_UNITS),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    tricky,
    fc.constantFrom(
      "yes",
      "No",
      "on",
      "~",
      "null",
      "2017-09-08",
      "1:20",
      "0o12",
      ".inf",
      "<<",
      "=",
      "a: b",
      "x #y",
    ),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.bigInt(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(tricky, tie("node"), { maxKeys: 4 }),
  ),
})).node;

interface ScalarCase {
  readonly name: string;
  readonly given: unknown;
  readonly want: string;
}

const scalarCases: readonly ScalarCase[] = [
  { name: "plain text stays plain", given: "successful", want: "k: successful\n" },
  { name: "a date-like version is quoted", given: "2017-09-08", want: 'k: "2017-09-08"\n' },
  { name: "YAML 1.1 booleans are quoted", given: "on", want: 'k: "on"\n' },
  { name: "text with colon-space is quoted", given: "a: b", want: 'k: "a: b"\n' },
  { name: "multi-line text is a literal block", given: "one\ntwo", want: "k: |-\n  one\n  two\n" },
  { name: "a final line break is kept", given: "one\n", want: "k: |\n  one\n" },
  {
    name: "leading spaces force quotes",
    given: "  indented\ntext",
    want: 'k: "  indented\\ntext"\n',
  },
  {
    name: "big integers keep every digit",
    given: 1589753000000000625n,
    want: "k: 1589753000000000625\n",
  },
  { name: "empty collections are flow style", given: [[], {}], want: "k:\n  - []\n  - {}\n" },
  {
    name: "mappings in sequences start on the dash line",
    given: [{ a: 1, b: [true] }],
    want: "k:\n  - a: 1\n    b:\n      - true\n",
  },
];

describe("spec YAML", () => {
  it.each(scalarCases)("$name", ({ given, want }) => {
    expect(toSpecYaml({ k: given })).toBe(want);
  });

  it("reads back the same under YAML 1.2 and YAML 1.1", () => {
    fc.assert(
      fc.property(fc.dictionary(tricky, value, { maxKeys: 5 }), (document) => {
        const text = toSpecYaml(document);
        const expected = normalize(document);
        expect(normalize(parse(text, { intAsBigInt: true }))).toEqual(expected);
        expect(normalize(parse(text, { intAsBigInt: true, version: "1.1" }))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
