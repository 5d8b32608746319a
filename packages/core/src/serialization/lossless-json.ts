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

// Any unsafe integer has at least 16 digits; text without such a run can use JSON.parse.
const SIXTEEN_DIGITS = /\d{16}/;

/**
 * Parses JSON text, turning integers beyond ±(2^53 − 1) into `bigint`.
 *
 * @throws SyntaxError for invalid JSON, with the character offset.
 */
export function parseJson(text: string): unknown {
  if (!SIXTEEN_DIGITS.test(text)) {
    return JSON.parse(text);
  }
  const parser = new LosslessParser(text);
  parser.skipWhitespace();
  const value = parser.parseValue();
  parser.skipWhitespace();
  if (parser.position !== text.length) {
    throw parser.syntaxError("unexpected text after the JSON value");
  }
  return value;
}

class LosslessParser {
  position = 0;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  parseValue(): unknown {
    const text = this.#text;
    const code = text.charCodeAt(this.position);
    switch (code) {
      case 0x7b: // {
        return this.#parseObject();
      case 0x5b: // [
        return this.#parseArray();
      case 0x22: // "
        return this.#parseString();
      case 0x74: // t
        return this.#parseLiteral("true", true);
      case 0x66: // f
        return this.#parseLiteral("false", false);
      case 0x6e: // n
        return this.#parseLiteral("null", null);
      default:
        if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
          return this.#parseNumber();
        }
        throw this.syntaxError("unexpected character");
    }
  }

  skipWhitespace(): void {
    const text = this.#text;
    let position = this.position;
    for (;;) {
      const code = text.charCodeAt(position);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) {
        break;
      }
      position++;
    }
    this.position = position;
  }

  syntaxError(reason: string): SyntaxError {
    return new SyntaxError(`Invalid JSON at offset ${this.position}: ${reason}`);
  }

  #parseObject(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.position++;
    this.skipWhitespace();
    if (this.#text.charCodeAt(this.position) === 0x7d) {
      this.position++;
      return result;
    }
    for (;;) {
      if (this.#text.charCodeAt(this.position) !== 0x22) {
        throw this.syntaxError("expected a property name");
      }
      const key = this.#parseString();
      this.skipWhitespace();
      this.#expect(0x3a, "expected ':'");
      this.skipWhitespace();
      const value = this.parseValue();
      if (key === "__proto__") {
        // Plain assignment would replace the prototype; JSON.parse makes an own property.
        Object.defineProperty(result, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        result[key] = value;
      }
      this.skipWhitespace();
      const code = this.#text.charCodeAt(this.position++);
      if (code === 0x7d) {
        return result;
      }
      if (code !== 0x2c) {
        this.position--;
        throw this.syntaxError("expected ',' or '}'");
      }
      this.skipWhitespace();
    }
  }

  #parseArray(): unknown[] {
    const result: unknown[] = [];
    this.position++;
    this.skipWhitespace();
    if (this.#text.charCodeAt(this.position) === 0x5d) {
      this.position++;
      return result;
    }
    for (;;) {
      result.push(this.parseValue());
      this.skipWhitespace();
      const code = this.#text.charCodeAt(this.position++);
      if (code === 0x5d) {
        return result;
      }
      if (code !== 0x2c) {
        this.position--;
        throw this.syntaxError("expected ',' or ']'");
      }
      this.skipWhitespace();
    }
  }

  #parseString(): string {
    const text = this.#text;
    const start = this.position;
    let position = start + 1;
    let plain = true;
    for (;;) {
      const code = text.charCodeAt(position);
      if (code === 0x22) {
        break;
      }
      if (code === 0x5c) {
        plain = false;
        position += 2;
        continue;
      }
      if (code < 0x20 || Number.isNaN(code)) {
        this.position = position;
        throw this.syntaxError(
          Number.isNaN(code) ? "unterminated string" : "control character in string",
        );
      }
      position++;
    }
    this.position = position + 1;
    // Escapes are rare in API responses; JSON.parse decodes them exactly and validates them.
    return plain
      ? text.slice(start + 1, position)
      : (JSON.parse(text.slice(start, position + 1)) as string);
  }

  #parseNumber(): number | bigint {
    const text = this.#text;
    const start = this.position;
    let position = start;
    if (text.charCodeAt(position) === 0x2d) {
      position++;
    }
    const integerStart = position;
    position = this.#skipDigits(position);
    if (
      position === integerStart ||
      (text.charCodeAt(integerStart) === 0x30 && position - integerStart > 1)
    ) {
      this.position = integerStart;
      throw this.syntaxError("invalid number");
    }
    let integer = true;
    if (text.charCodeAt(position) === 0x2e) {
      integer = false;
      const fractionStart = position + 1;
      position = this.#skipDigits(fractionStart);
      if (position === fractionStart) {
        this.position = position;
        throw this.syntaxError("expected digits after '.'");
      }
    }
    const exponent = text.charCodeAt(position);
    if (exponent === 0x65 || exponent === 0x45) {
      integer = false;
      position++;
      const sign = text.charCodeAt(position);
      if (sign === 0x2b || sign === 0x2d) {
        position++;
      }
      const exponentStart = position;
      position = this.#skipDigits(position);
      if (position === exponentStart) {
        this.position = position;
        throw this.syntaxError("expected digits in the exponent");
      }
    }
    this.position = position;
    const literal = text.slice(start, position);
    const value = Number(literal);
    if (integer && !Number.isSafeInteger(value)) {
      return BigInt(literal);
    }
    return value;
  }

  #skipDigits(position: number): number {
    const text = this.#text;
    let current = position;
    for (;;) {
      const code = text.charCodeAt(current);
      // At the end of the text charCodeAt returns NaN, which fails this test too.
      if (!(code >= 0x30 && code <= 0x39)) {
        return current;
      }
      current++;
    }
  }

  #parseLiteral<T>(word: string, value: T): T {
    if (!this.#text.startsWith(word, this.position)) {
      throw this.syntaxError("unexpected character");
    }
    this.position += word.length;
    return value;
  }

  #expect(code: number, reason: string): void {
    if (this.#text.charCodeAt(this.position) !== code) {
      throw this.syntaxError(reason);
    }
    this.position++;
  }
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
