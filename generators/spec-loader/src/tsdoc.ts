/**
 * Escaping of spec prose for TSDoc comments. Spec descriptions are free text in English or Chinese,
 * with backticks, markup and the odd `*` or `@`. Generated comments must neither end early nor
 * grow accidental tags.
 */

/**
 * Makes free text safe inside a `/** … *\/` comment:
 * - `*\/` would close the comment, so its slash is escaped; `/*` gets its `*` escaped, because
 *   ts-morph's writer takes it for the start of a nested comment and breaks the output;
 * - `@word` at a word start would begin a TSDoc tag (`{@link` an inline one), so its `@` is
 *   escaped, while e-mail addresses (`a@b.c`) stay as written;
 * - line endings become `\n`, trailing spaces go, and runs of blank lines shrink to one.
 * Backticks and non-ASCII text stay as written.
 */
export function escapeTsDoc(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replaceAll("*/", "*\\/")
    .replaceAll("/*", "/\\*")
    .replace(/(^|[^A-Za-z0-9\\])@(?=[A-Za-z])/g, "$1\\@")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Joins the parts of a comment (summary, description, notes) into one escaped TSDoc text, leaving
 * out empty parts and a description that only repeats the summary.
 */
export function tsDocText(...parts: readonly (string | undefined)[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const part of parts) {
    const escaped = part === undefined ? "" : escapeTsDoc(part);
    if (escaped !== "" && !seen.has(escaped)) {
      seen.add(escaped);
      kept.push(escaped);
    }
  }
  return kept.join("\n\n");
}
