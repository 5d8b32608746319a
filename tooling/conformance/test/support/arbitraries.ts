/** fast-check arbitraries for parameter values that stress percent-encoding and flattening. */
import fc from "fast-check";

/** Runs per property: the suite's floor. */
export const PROPERTY_RUNS = 1_000;

/** Characters RFC 3986 reserves, plus the ones `encodeURIComponent` leaves alone. */
const PUNCTUATION = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\r\n"];

/** Emoji, including multi-code-point sequences (skin tone, ZWJ family, flag). */
const EMOJI = ["😀", "👍🏽", "👨‍👩‍👧", "🇨🇳", "🫠", "❤️"];

/** Text that needs encoding in other ways: CJK, combining marks, NUL, BOM, U+2028. */
const AWKWARD = [
  "备份",
  "测试",
  "é",
  "e\u0301",
  "\u0000",
  "\ufeff",
  "\u2028",
  "\u00a0",
  "%",
  "%25",
];

/**
 * Well-formed strings of every kind: any code point, graphemes, punctuation, emoji and awkward
 * characters, and the empty string. Never a lone surrogate.
 */
export const wireString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 16 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...PUNCTUATION), maxLength: 16 }),
  fc.string({ unit: fc.constantFrom(...EMOJI, ...AWKWARD, "a", "Z", "0"), maxLength: 6 }),
  fc.constant(""),
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string holding at least one unpaired UTF-16 surrogate. */
export const loneSurrogateString: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ maxLength: 4 }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
    fc.string({ maxLength: 4 }),
  )
  .map(([before, unit, after]) => `${before}${String.fromCharCode(unit)}${after}`)
  .filter((value) => LONE_SURROGATE.test(value));

/**
 * Parameter names as generated SDKs produce them: a name, optionally followed by list indexes
 * and member names (`Tag.12.Key`). All in RFC 3986's unreserved set.
 */
export const wireName: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[A-Z][A-Za-z0-9_-]{0,10}$/),
    fc.array(
      fc.oneof(
        fc.integer({ min: 1, max: 120 }).map(String),
        fc.stringMatching(/^[A-Z][a-z]{0,5}$/),
      ),
      {
        maxLength: 3,
      },
    ),
  )
  .map(([head, rest]) => [head, ...rest].join("."));

/**
 * Lists of up to 4 items, or of 9 to 24 so that `Key.10`-style sorting shows up. Sized so that a
 * request with one long list of `wireString` items stays under Node's 16 KiB header limit.
 */
export function longList<T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.oneof(
    fc.array(item, { maxLength: 4 }),
    fc.array(item, { minLength: 9, maxLength: 24 }),
  );
}

/** Lists of up to 4 items, for lists nested in other lists. */
export function shortList<T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.array(item, { maxLength: 4 });
}
