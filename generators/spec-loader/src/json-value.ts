/** Small facts about plain JSON values that several loader modules need. */

/** A JSON object as parsed from YAML. */
export type JsonObject = Record<string, unknown>;

/** True for a plain object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Names the JSON kind of a value for messages: `object`, `list`, `string`, `null`, … */
export function describeJsonKind(value: unknown): string {
  if (value === null) {
    return "null";
  }
  return Array.isArray(value) ? "list" : typeof value;
}

/** Sets a key as an own data property; a `__proto__` key stays a plain key instead of a prototype. */
export function defineKey(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
