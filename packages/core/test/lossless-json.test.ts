import { SerializationError } from "@acs-sdk/core/errors";
import { parseJson, stringifyJson } from "@acs-sdk/core/protocol";
import fc from "fast-check";
import { describe, expect, test } from "vitest";

// A safe 16-digit integer: its presence sends a document through the lossless parser rather
// than the JSON.parse fast path, while parsing to the same value either way.
const SLOW_PATH_PAD = '{"pad":1234567890123456,"value":';

/** Replaces each bigint by its number after checking that a number could not hold it. */
function bigintsToNumbers(value: unknown): unknown {
  if (typeof value === "bigint") {
    expect(Number.isSafeInteger(Number(value))).toBe(false);
    return Number(value);
  }
  if (Array.isArray(value)) {
    return value.map(bigintsToNumbers);
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, bigintsToNumbers(item)]),
    );
  }
  return value;
}

describe("parseJson", () => {
  test("integer above 2^53 becomes bigint", () => {
    expect(parseJson('{"Id":9007199254740993}')).toEqual({ Id: 9007199254740993n });
  });

  test("negative integer below -2^53 becomes bigint", () => {
    expect(parseJson("[-9007199254740993]")).toEqual([-9007199254740993n]);
  });

  test("2^53 itself becomes bigint", () => {
    expect(parseJson("9007199254740992")).toBe(9007199254740992n);
  });

  test("max safe integer stays number", () => {
    expect(parseJson("9007199254740991")).toBe(9007199254740991);
  });

  test("16-digit account id stays number", () => {
    expect(parseJson('{"CrossAccountUserId":1589753000000625}')).toEqual({
      CrossAccountUserId: 1589753000000625,
    });
  });

  test("fractions and exponents stay number", () => {
    expect(parseJson("[12345678901234567890.5,1.5e300,1E400,-0]")).toEqual([
      Number("12345678901234567890.5"),
      1.5e300,
      Number.POSITIVE_INFINITY,
      -0,
    ]);
  });

  test("digits inside strings stay strings", () => {
    expect(parseJson('{"RequestId":"12345678901234567890"}')).toEqual({
      RequestId: "12345678901234567890",
    });
  });

  test("escapes decode", () => {
    expect(parseJson(`${SLOW_PATH_PAD}"a\\"b\\\\c\\u00e9\\n"}`)).toEqual({
      pad: 1234567890123456,
      value: 'a"b\\cé\n',
    });
  });

  test("__proto__ is an own property", () => {
    const parsed = parseJson(`${SLOW_PATH_PAD}{"__proto__":{"polluted":true}}}`) as {
      value: Record<string, unknown>;
    };
    expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
    expect(Object.keys(parsed.value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each([
    ["trailing comma", "[1234567890123456,]"],
    ["leading zero", "[01234567890123456]"],
    ["unterminated string", '[1234567890123456,"abc'],
    ["text after value", "1234567890123456 x"],
    ["bare minus", "[1234567890123456,-]"],
    ["missing colon", '{"a" 1234567890123456}'],
    ["raw control character", '["1234567890123456\n"]'],
  ])("rejects %s", (_name, text) => {
    expect(() => parseJson(text)).toThrow(SyntaxError);
  });

  test("matches JSON.parse on generated documents", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = `${SLOW_PATH_PAD}${JSON.stringify(value)}}`;
        expect(bigintsToNumbers(parseJson(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  test("bigint round trip", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n }), (id) => {
        const parsed = parseJson(stringifyJson({ Id: id }, "request")) as { Id: number | bigint };
        expect(BigInt(parsed.Id)).toBe(id);
        const isSafe =
          id >= BigInt(Number.MIN_SAFE_INTEGER) && id <= BigInt(Number.MAX_SAFE_INTEGER);
        expect(typeof parsed.Id).toBe(isSafe ? "number" : "bigint");
      }),
      { numRuns: 300 },
    );
  });
});

describe("stringifyJson", () => {
  test("writes bigint digits", () => {
    expect(stringifyJson({ Id: 12345678901234567890n }, "Body")).toBe(
      '{"Id":12345678901234567890}',
    );
  });

  test("writes large integers without exponent", () => {
    expect(stringifyJson([1e21], "Body")).toBe("[1000000000000000000000]");
  });

  test("omits undefined members, nulls undefined items", () => {
    expect(stringifyJson({ a: undefined, b: [undefined, null, "x"] }, "Body")).toBe(
      '{"b":[null,null,"x"]}',
    );
  });

  test("means what JSON.stringify means without bigints", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(stringifyJson(value, "Body"))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200 },
    );
  });

  test.each([
    ["NaN", { a: [1, Number.NaN] }, "Body.a[1]", "NaN"],
    ["Infinity", { a: Number.POSITIVE_INFINITY }, "Body.a", "the number Infinity"],
    ["function", { a: { b: () => 1 } }, "Body.a.b", "a function"],
    ["symbol", { a: Symbol("s") }, "Body.a", "a symbol"],
    ["Date", { when: new Date(0) }, "Body.when", "a Date"],
    ["Map", { m: new Map() }, "Body.m", "an object"],
  ])("rejects %s with its path", (_name, value, path, kind) => {
    let caught: unknown;
    try {
      stringifyJson(value, "Body");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SerializationError);
    expect((caught as SerializationError).path).toBe(path);
    expect((caught as Error).message).toContain(kind);
    expect((caught as Error).message).not.toContain("[object");
  });
});
