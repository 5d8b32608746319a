import { SerializationError } from "../errors/serialization-error.js";

/**
 * Formats a scalar request value as wire text. Integers are written as exact decimal digits, so
 * an int64 may be passed as a `bigint`, a `number` or a numeric string. A `number` of 1e21 or
 * more is written digit by digit rather than in exponent form.
 *
 * @param path - Parameter path named in the error (`Filters[0].Values[1]`).
 * @throws SerializationError `UnserializableValue` for anything but a string, a finite number, a
 *   bigint or a boolean.
 */
export function formatScalar(value: unknown, path: string): string {
  const type = typeof value;
  if (type === "number") {
    return formatNumber(value as number, path);
  }
  if (type === "string" || type === "boolean" || type === "bigint") {
    return String(value);
  }
  throw unserializable(value, path, "a string, number, bigint or boolean");
}

/** Formats a finite number; integers of 1e21 and more get all their digits. */
export function formatNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) {
    throw unserializable(value, path, "a finite number");
  }
  return Number.isInteger(value) && Math.abs(value) >= 1e21
    ? BigInt(value).toString()
    : String(value);
}

/** Builds the error for a value that cannot be written, naming its kind and path. */
export function unserializable(value: unknown, path: string, expected: string): SerializationError {
  return new SerializationError(
    "UnserializableValue",
    `Parameter ${path} is ${describeValue(value)}, but ${expected} is expected here; pass a value of that type.`,
    path,
  );
}

/**
 * Names the kind of a value for messages without printing it (it may be large or secret). Absent
 * values never get here: serializers skip them.
 */
function describeValue(value: unknown): string {
  return Array.isArray(value)
    ? "an array"
    : value instanceof Date
      ? "a Date (pass an ISO 8601 string)"
      : typeof value === "number"
        ? `${Number.isNaN(value) ? "" : "the number "}${value}`
        : typeof value === "object"
          ? "an object"
          : `a ${typeof value}`;
}

/** True for objects that flatten into named members: not arrays and not built-in value types. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(
      value instanceof Date ||
      value instanceof RegExp ||
      value instanceof Map ||
      value instanceof Set ||
      value instanceof Promise ||
      value instanceof ArrayBuffer ||
      ArrayBuffer.isView(value)
    )
  );
}
