/**
 * Writes an imported document as block-style YAML. The document is plain JSON data (plus `bigint`
 * for integers beyond 2^53), so a small emitter suffices. On the 80 MB that the whole metadata
 * corpus becomes, it takes less than a fifth of the time of `stringify` from the `yaml` package (measured
 * on the 2-core build machine).
 *
 * Scalars are written plain only when YAML 1.2 parsers, YAML 1.1 parsers and js-yaml's default
 * schema all read them back as the same string; otherwise they are double-quoted (JSON string
 * syntax, which is valid YAML) or, for multi-line text, a literal block.
 */

/**
 * Plain scalars that some parser would not read as strings: numbers in any notation (YAML 1.1
 * parsers read even `.` and `e0` as floats), dates, sexagesimals, 1.1 booleans and nulls, `<<`, `=` and document
 * markers.
 */
const AMBIGUOUS =
  /^(?:[-+]?\.?\d|[-+]?\.[\d.]*(?:e[-+]\d+)?$|[-+]?[.\d_]*e[-+]?\d+$|[-+]?\.(?:inf|nan)$|(?:y|n|yes|no|on|off|true|false|null|~|<<|=)$|\.\.\.|---)/i;

/** A first character that starts YAML syntax instead of a plain scalar. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

/**
 * Characters that must not appear raw in a plain or literal scalar: those outside YAML's printable
 * set, CR, and NEL, LS and PS, which YAML 1.1 parsers read as line breaks. Tab and LF are allowed
 * here and handled per style.
 */
const NON_PRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Characters JSON.stringify leaves raw that must be escaped inside YAML double quotes. */
const UNSAFE_IN_QUOTES = /[\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/g;

function isPlainSafe(text: string): boolean {
  return (
    text !== "" &&
    !INDICATOR_START.test(text) &&
    !/\s$/.test(text) &&
    !text.endsWith(":") &&
    !text.includes(": ") &&
    !text.includes(" #") &&
    !/[\t\n]/.test(text) &&
    !NON_PRINTABLE.test(text) &&
    !AMBIGUOUS.test(text)
  );
}

function quote(text: string): string {
  return JSON.stringify(text).replace(
    UNSAFE_IN_QUOTES,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * Writes multi-line text as a literal block, or returns `undefined` when it cannot be one: the
 * first line must not start with whitespace (parsers take the indentation from it) and every
 * character must be printable.
 */
function literalBlock(text: string, indent: number): string | undefined {
  if (/^\s/.test(text) || NON_PRINTABLE.test(text)) {
    return undefined;
  }
  const trailing = /\n*$/.exec(text)?.[0].length ?? 0;
  const chomping = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const body = trailing === 0 ? text : text.slice(0, text.length - trailing);
  const pad = " ".repeat(indent);
  const lines = body.split("\n").map((line) => (line === "" ? "" : pad + line));
  // Kept trailing line breaks become empty lines after the content.
  const extra = chomping === "+" ? new Array<string>(trailing - 1).fill("") : [];
  return `|${chomping}\n${[...lines, ...extra].join("\n")}`;
}

function scalar(value: unknown, indent: number): string {
  switch (typeof value) {
    case "string":
      if (isPlainSafe(value)) {
        return value;
      }
      return (value.includes("\n") ? literalBlock(value, indent) : undefined) ?? quote(value);
    case "number":
      return Number.isFinite(value)
        ? String(Object.is(value, -0) ? 0 : value)
        : quote(String(value));
    case "bigint":
    case "boolean":
      return String(value);
    default:
      return "null";
  }
}

function key(name: string): string {
  return isPlainSafe(name) ? name : quote(name);
}

function isCollection(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** Writes `lead` (a key or dash) followed by `value`, then the value's nested lines. */
function writeEntry(lead: string, value: unknown, indent: number, out: string[]): void {
  if (!isCollection(value)) {
    out.push(`${lead} ${scalar(value, indent + 2)}`);
  } else if (isEmpty(value)) {
    out.push(`${lead} ${Array.isArray(value) ? "[]" : "{}"}`);
  } else if (Array.isArray(value)) {
    out.push(lead);
    writeSequence(value, indent + 2, out);
  } else {
    out.push(lead);
    writeMapping(value as Record<string, unknown>, indent + 2, out);
  }
}

/**
 * Writes a mapping at `indent`. `firstPrefix` replaces the indentation of the first line, so that
 * a mapping inside a sequence starts on the dash line (`- key: value`).
 */
function writeMapping(
  mapping: Record<string, unknown>,
  indent: number,
  out: string[],
  firstPrefix?: string,
): void {
  const pad = " ".repeat(indent);
  let prefix = firstPrefix ?? pad;
  for (const name of Object.keys(mapping)) {
    const value = mapping[name];
    if (value !== undefined) {
      writeEntry(`${prefix}${key(name)}:`, value, indent, out);
      prefix = pad;
    }
  }
}

function writeSequence(items: readonly unknown[], indent: number, out: string[]): void {
  const pad = " ".repeat(indent);
  for (const item of items) {
    if (isCollection(item) && !Array.isArray(item) && !isEmpty(item)) {
      writeMapping(item as Record<string, unknown>, indent + 2, out, `${pad}- `);
    } else {
      writeEntry(`${pad}-`, item ?? null, indent, out);
    }
  }
}

/** Serializes `document` (a JSON object, possibly holding `bigint`s) as YAML text. */
export function toSpecYaml(document: Record<string, unknown>): string {
  const out: string[] = [];
  writeMapping(document, 0, out);
  return out.length === 0 ? "{}\n" : `${out.join("\n")}\n`;
}

/** Tells whether YAML text written by {@link toSpecYaml} declares `x-acs-origin: <origin>`. */
export function hasOrigin(text: string, origin: string): boolean {
  return new RegExp(`^x-acs-origin: "?${origin}"?$`, "m").test(text);
}
