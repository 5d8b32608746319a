/**
 * Puts a JSON value into canonical key order, so that everything derived from a spec is the same
 * whatever order its authors or importers wrote the keys in. Arrays keep their order: it is data.
 */
import { defineKey, type JsonObject } from "./json-value.js";

/** Code-unit order, the same for every locale and runtime. */
export function compareCodeUnits(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/** Returns a deep copy of `value` with every object's keys sorted in code-unit order. */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item) => sortKeysDeep(item)) as T;
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort(compareCodeUnits)) {
    defineKey(sorted, key, sortKeysDeep((value as JsonObject)[key]));
  }
  return sorted as T;
}
