/**
 * JSON that keeps int64 values exact.
 *
 * Parsing rule: an integer literal (no fraction, no exponent) whose value lies outside
 * ±(2^53 − 1), the range in which every integer has its own `number`, becomes a `bigint`.
 * Every other number becomes a `number`, exactly as `JSON.parse` would produce it. So IDs such
 * as 9007199254740993 keep their digits, and code that reads small numbers never gets a `bigint`.
 *
 * Writing: a `bigint` is written as its decimal digits; non-finite numbers, functions and symbols
 * are errors rather than the `null` or omission of `JSON.stringify`.
 */

import { formatNumber, isRecord, unserializable } from "./scalar.js";

/**
 * Integer literals of 16 or more digits, the only ones that can be unsafe, that are not part of a
 * fraction or an exponent. It also finds digit runs inside strings, which only costs the slower
 * path below.
 */
const LONG_INTEGERS = /(?<![\d.eE+-])-?[1-9]\d{15,}(?![\d.eE])/g;

/**
 * Tokens that matter for the rewrite below. Strings are matched whole, so that digits inside them
 * are never taken for numbers. Group 1 is set when a string starts with the escape `\u0000`, and
 * group 2 when it is followed by `:` (a property name). Any other match is a {@link LONG_INTEGERS}
 * literal. Outside strings, JSON has digits only in numbers, so this finds every candidate integer
 * of a valid text.
 */
const TOKENS = /"(\\u0000)?[^"\\]*(?:\\.[^"\\]*)*"(\s*:)?|(?<![\d.eE+-])-?[1-9]\d{15,}(?![\d.eE])/g;

/**
 * Parses JSON text, turning integers beyond ±(2^53 − 1) into `bigint`.
 *
 * `JSON.parse` does the parsing and validation. Before it runs, each unsafe integer literal is
 * rewritten into a string that starts with U+0000 and a reviver turns it into a `bigint`. A JSON
 * string value can only start with U+0000 through the escape `\u0000`, so string values that do
 * get a second U+0000, which the reviver removes. Property names are left alone: revivers never
 * see them. The rewrite swaps one value token for another, so valid and invalid texts stay so.
 *
 * @throws SyntaxError for invalid JSON.
 */
export function parseJson(text: string): unknown {
  // Most texts have no unsafe integer (16-digit IDs are safe), so they skip the rewrite.
  if (!text.match(LONG_INTEGERS)?.some((literal) => !Number.isSafeInteger(Number(literal)))) {
    return JSON.parse(text);
  }
  let rewritten = false;
  const marked = text.replace(TOKENS, (token: string, nul?: string, colon?: string) => {
    if (token[0] === '"') {
      if (nul === undefined || colon !== undefined) {
        return token;
      }
    } else if (Number.isSafeInteger(Number(token))) {
      return token;
    }
    rewritten = true;
    return `"\\u0000${token[0] === '"' ? token.slice(1) : `${token}"`}`;
  });
  return rewritten ? JSON.parse(marked, reviveMarked) : JSON.parse(text);
}

function reviveMarked(_key: string, value: unknown): unknown {
  if (typeof value !== "string" || value[0] !== "\0") {
    return value;
  }
  return value[1] === "\0" ? value.slice(1) : BigInt(value.slice(1));
}

/**
 * Writes a request value as JSON text: `bigint` as decimal digits, `undefined` members omitted and
 * `undefined` array items as `null` (as `JSON.stringify` does).
 *
 * @param path - Parameter path of `value`, named in errors.
 * @throws SerializationError `UnserializableValue` for non-finite numbers, functions, symbols and
 *   built-in objects such as `Date` or `Map`.
 */
export function stringifyJson(value: unknown, path: string): string {
  const text = writeJson(value, path);
  if (text === undefined) {
    throw unserializable(value, path, "a JSON value");
  }
  return text;
}

function writeJson(value: unknown, path: string): string | undefined {
  switch (typeof value) {
    case "undefined":
      return undefined;
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    case "number":
      return formatNumber(value, path);
    case "object":
      break;
    default:
      throw unserializable(value, path, "a JSON value");
  }
  if (value === null) {
    return "null";
  }
  if (Array.isArray(value)) {
    let text = "[";
    for (let index = 0; index < value.length; index++) {
      if (index > 0) {
        text += ",";
      }
      text += writeJson(value[index], `${path}[${index}]`) ?? "null";
    }
    return `${text}]`;
  }
  if (!isRecord(value)) {
    throw unserializable(value, path, "a JSON value");
  }
  let text = "{";
  for (const key of Object.keys(value)) {
    const member = writeJson(value[key], path === "" ? key : `${path}.${key}`);
    if (member === undefined) {
      continue;
    }
    if (text.length > 1) {
      text += ",";
    }
    text += `${JSON.stringify(key)}:${member}`;
  }
  return `${text}}`;
}
