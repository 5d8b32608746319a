/**
 * Parsing JSON text from the outside: the metadata file itself (where a cut-off download must be
 * told apart from a file that is not JSON) and the example responses embedded in it (where
 * integers beyond 2^53 must keep every digit).
 */

/** Why a JSON text did not parse. */
export interface JsonSyntaxProblem {
  /** True when the text stops before the value is complete, as a cut-off download does. */
  readonly truncated: boolean;
  /** 1-based line and column of the problem, when the parser said where. */
  readonly line?: number;
  readonly column?: number;
  /** The parser's own message. */
  readonly reason: string;
}

/** Result of {@link parseJson}: the value, or the syntax problem. */
export type JsonParseResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: JsonSyntaxProblem };

function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; ) {
    line += 1;
    lineStart = index + 1;
    index = text.indexOf("\n", lineStart);
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Parses JSON text with the native parser. A failure says whether the text looks cut short: the
 * parser stopped at the very end, or inside a string that never closes.
 */
export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason);
    const offset = position === null ? undefined : Number(position[1]);
    const endsEarly =
      /end of JSON input|Unterminated string/.test(reason) ||
      (offset !== undefined && offset >= text.trimEnd().length);
    const truncated = text.trim() !== "" && endsEarly;
    return {
      ok: false,
      problem: { truncated, reason, ...(offset === undefined ? {} : locate(text, offset)) },
    };
  }
}

/** A plain JSON value in which integers outside the safe range are `bigint`. */
export type LosslessJson =
  | null
  | boolean
  | number
  | bigint
  | string
  | LosslessJson[]
  | { [key: string]: LosslessJson };

const SAFE_DIGITS = 15;

/**
 * Parses JSON text, turning integers that a `number` cannot hold exactly into `bigint`. Texts
 * without a run of more than 15 digits cannot hold such an integer and go to the native parser.
 * Throws a `SyntaxError` for invalid JSON.
 */
export function parseJsonLossless(text: string): LosslessJson {
  if (!new RegExp(`\\d{${SAFE_DIGITS + 1}}`).test(text)) {
    return JSON.parse(text) as LosslessJson;
  }
  return new LosslessParser(text).parseDocument();
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

/** A small recursive-descent JSON parser; only used for texts that may hold large integers. */
class LosslessParser {
  private index = 0;

  constructor(private readonly text: string) {}

  parseDocument(): LosslessJson {
    const value = this.parseValue();
    this.skipSpace();
    if (this.index !== this.text.length) {
      this.fail("Unexpected non-whitespace character after JSON");
    }
    return value;
  }

  private fail(reason: string): never {
    throw new SyntaxError(`${reason} at position ${this.index}`);
  }

  private skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text.charAt(this.index))) {
      this.index += 1;
    }
  }

  private expect(literal: string): void {
    if (!this.text.startsWith(literal, this.index)) {
      this.fail(`Expected ${JSON.stringify(literal)}`);
    }
    this.index += literal.length;
  }

  private parseValue(): LosslessJson {
    this.skipSpace();
    const char = this.text.charAt(this.index);
    switch (char) {
      case "{":
        return this.parseObject();
      case "[":
        return this.parseArray();
      case '"':
        return this.parseString();
      case "t":
        this.expect("true");
        return true;
      case "f":
        this.expect("false");
        return false;
      case "n":
        this.expect("null");
        return null;
      default:
        return this.parseNumber();
    }
  }

  private parseObject(): { [key: string]: LosslessJson } {
    const result: { [key: string]: LosslessJson } = {};
    this.index += 1;
    this.skipSpace();
    if (this.text.charAt(this.index) === "}") {
      this.index += 1;
      return result;
    }
    for (;;) {
      this.skipSpace();
      const key = this.parseString();
      this.skipSpace();
      this.expect(":");
      Object.defineProperty(result, key, {
        value: this.parseValue(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipSpace();
      if (this.text.charAt(this.index) === ",") {
        this.index += 1;
      } else {
        this.expect("}");
        return result;
      }
    }
  }

  private parseArray(): LosslessJson[] {
    const result: LosslessJson[] = [];
    this.index += 1;
    this.skipSpace();
    if (this.text.charAt(this.index) === "]") {
      this.index += 1;
      return result;
    }
    for (;;) {
      result.push(this.parseValue());
      this.skipSpace();
      if (this.text.charAt(this.index) === ",") {
        this.index += 1;
      } else {
        this.expect("]");
        return result;
      }
    }
  }

  private parseString(): string {
    if (this.text.charAt(this.index) !== '"') {
      this.fail("Expected a string");
    }
    let end = this.index + 1;
    while (end < this.text.length && this.text.charAt(end) !== '"') {
      end += this.text.charAt(end) === "\\" ? 2 : 1;
    }
    if (end >= this.text.length) {
      this.fail("Unterminated string in JSON");
    }
    // The native parser decodes escapes exactly as JSON defines them.
    const value = JSON.parse(this.text.slice(this.index, end + 1)) as string;
    this.index = end + 1;
    return value;
  }

  private parseNumber(): number | bigint {
    NUMBER.lastIndex = this.index;
    const match = NUMBER.exec(this.text);
    if (match === null) {
      this.fail(`Unexpected character ${JSON.stringify(this.text.charAt(this.index))}`);
    }
    this.index += match[0].length;
    const isInteger = match[1] === undefined && match[2] === undefined;
    const value = Number(match[0]);
    return isInteger && !Number.isSafeInteger(value) ? BigInt(match[0]) : value;
  }
}
