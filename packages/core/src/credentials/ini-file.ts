/** Sections of an INI file: section name to its key/value pairs. */
export type IniSections = ReadonlyMap<string, Readonly<Record<string, string>>>;

/**
 * Parses the INI dialect of `~/.alibabacloud/credentials` the way the `ini` package (1.3.8, used
 * by the official runtime) does. It reads `[section]` headers and `key = value` lines, skips
 * whole-line comments starting with `;` or `#`, and ends an unquoted value at an inline `;` or
 * `#` unless escaped as `\;` or `\#`. A single-quoted value is taken literally and a
 * double-quoted one is read as a JSON string. Keys before the first section are ignored because
 * profiles live in sections. Repeated sections merge and a repeated key keeps its last value.
 */
export function parseIni(text: string): IniSections {
  const sections = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith(";") || line.startsWith("#")) {
      continue;
    }
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      const name = (header[1] ?? "").trim();
      current = sections.get(name) ?? {};
      sections.set(name, current);
      continue;
    }
    const equals = line.indexOf("=");
    if (current === undefined || equals <= 0) {
      continue;
    }
    const key = line.slice(0, equals).trim();
    current[key] = readValue(line.slice(equals + 1).trim());
  }
  return sections;
}

function readValue(value: string): string {
  const quote = value[0];
  if (value.length >= 2 && (quote === '"' || quote === "'") && value.endsWith(quote)) {
    const inner = value.slice(1, -1);
    if (quote === "'") {
      return inner;
    }
    try {
      return String(JSON.parse(value));
    } catch {
      return inner;
    }
  }
  let result = "";
  for (let index = 0; index < value.length; index += 1) {
    const character = value[index] as string;
    if (character === ";" || character === "#") {
      break;
    }
    if (character === "\\" && index + 1 < value.length) {
      const next = value[index + 1] as string;
      result += next === ";" || next === "#" ? next : `\\${next}`;
      index += 1;
      continue;
    }
    result += character;
  }
  return result.trim();
}
