/** Sections of an INI file: section name to its key/value pairs. */
export type IniSections = ReadonlyMap<string, Readonly<Record<string, string>>>;

/**
 * Parses the INI dialect of `~/.alibabacloud/credentials`: `[section]` headers, `key = value`
 * lines, whole-line comments starting with `;` or `#`, and values optionally wrapped in single
 * or double quotes. Keys before the first section are ignored because profiles live in sections.
 * A repeated section or key keeps its last value, as the `ini` package the official runtime
 * uses does.
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
    current[key] = unquote(line.slice(equals + 1).trim());
  }
  return sections;
}

function unquote(value: string): string {
  const quote = value[0];
  if (value.length >= 2 && (quote === '"' || quote === "'") && value.endsWith(quote)) {
    return value.slice(1, -1);
  }
  return value;
}
