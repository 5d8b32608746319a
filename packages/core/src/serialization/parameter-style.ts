import type { ParameterStyle } from "../operation.js";
import { flattenValue } from "./flatten.js";
import { stringifyJson } from "./lossless-json.js";
import { formatScalar, unserializable } from "./scalar.js";
import { toXml } from "./xml-style.js";

/**
 * Writes one parameter into `out` (wire name → text) following its style:
 *
 * - `repeatList` (the default) and `flat`: lists number their items from 1 (`Key.1`, `Key.2`),
 *   object members append their name (`Key.1.Sub`), and nested lists continue the numbering
 *   (`Key.1.Values.1`) at any depth. Absent items are skipped, but they keep their index.
 * - `json`: one parameter holding the JSON text of the whole value.
 * - `simple`: list items joined with commas; items must be scalars.
 * - `xml`: one parameter holding the XML text of the value.
 *
 * An absent (`undefined` or `null`) value writes nothing.
 *
 * @throws SerializationError `UnserializableValue` naming the path of the offending value.
 */
export function flattenParameter(
  out: Record<string, string>,
  name: string,
  value: unknown,
  style: ParameterStyle | undefined,
): void {
  if (value === undefined || value === null) {
    return;
  }
  switch (style) {
    case "json":
      out[name] = stringifyJson(value, name);
      return;
    case "simple":
      out[name] = joinSimple(value, name);
      return;
    case "xml":
      out[name] = toXml(name, value, name);
      return;
    default:
      flattenValue(out, name, value, name);
  }
}

function joinSimple(value: unknown, path: string): string {
  if (!Array.isArray(value)) {
    return formatScalar(value, path);
  }
  const items: string[] = [];
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (item === undefined || item === null) {
      continue;
    }
    if (typeof item === "object") {
      throw unserializable(item, `${path}[${index}]`, 'a scalar list item (style "simple")');
    }
    items.push(formatScalar(item, `${path}[${index}]`));
  }
  return items.join(",");
}
