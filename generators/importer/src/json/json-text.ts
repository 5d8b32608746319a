/**
 * Parsing of the metadata file itself, where a cut-off download must be distinguished from a file
 * that is not JSON. Embedded example values go through the runtime's lossless parser instead
 * (`parseJson` of `@acs-sdk/core/protocol`), which keeps integers beyond 2^53 exact.
 */

/** The reason a JSON text did not parse. */
export interface JsonSyntaxProblem {
  /** True when the text stops before the value is complete, as a cut-off download does. */
  readonly truncated: boolean;
  /** 1-based line and column of the problem, when the parser reported a position. */
  readonly line?: number;
  readonly column?: number;
  /** The parser's own message. */
  readonly reason: string;
}

/** Result of {@link tryParseJson}: the value, or the syntax problem. */
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
 * Parses JSON text with the native parser. A failure records whether the text looks cut short:
 * the parser stopped at the very end, or inside a string that never closes.
 */
export function tryParseJson(text: string): JsonParseResult {
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
