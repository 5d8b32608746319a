import { formatScalar, isRecord } from "./scalar.js";

/**
 * Writes a value in the `repeatList` and `flat` form into `out` (wire name → text): lists number
 * their items from 1 (`Key.1`, `Key.2`), object members append their name (`Key.1.Sub`), and
 * nested lists continue the numbering (`Key.1.Values.1`) at any depth. Absent items are skipped,
 * but they keep their index.
 *
 * @param path - Parameter path of `value` in the request, named in errors (`Filters[0].Key`).
 * @throws SerializationError `UnserializableValue` naming the path of the offending value.
 */
export function flattenValue(
  out: Record<string, string>,
  key: string,
  value: unknown,
  path: string,
): void {
  if (value === undefined || value === null) {
    return;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      flattenValue(out, `${key}.${index + 1}`, value[index], `${path}[${index}]`);
    }
    return;
  }
  if (isRecord(value)) {
    for (const member of Object.keys(value)) {
      flattenValue(out, `${key}.${member}`, value[member], `${path}.${member}`);
    }
    return;
  }
  out[key] = formatScalar(value, path);
}
