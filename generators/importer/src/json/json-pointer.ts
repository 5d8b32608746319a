/**
 * JSON pointers (RFC 6901) into the input metadata. Every diagnostic names one, so that a reader
 * can find the exact key in a file of several megabytes.
 */

/** Escapes one reference token: `~` becomes `~0` and `/` becomes `~1`. */
export function escapePointerToken(token: string | number): string {
  return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Appends reference tokens to a pointer: `appendPointer("/apis", "A/B")` is `/apis/A~1B`. */
export function appendPointer(base: string, ...tokens: readonly (string | number)[]): string {
  let pointer = base;
  for (const token of tokens) {
    pointer += `/${escapePointerToken(token)}`;
  }
  return pointer;
}
