/**
 * Turns the strings that metadata uses for typed values (`"minimum": "1"`, `"example": "true"`)
 * into values of the schema's type.
 */
import { parseJson as parseJsonLossless } from "@acs-sdk/core/protocol";

/** A converted value, or `undefined` when the input does not fit the type. */
export type Converted = { readonly value: unknown } | undefined;

const INTEGER_TEXT = /^[-+]?\d+$/;

/**
 * Reads an integer from a number or decimal text. Values a `number` cannot hold exactly become
 * `bigint`, because `int64` identifiers exceed 2^53.
 */
export function toInteger(value: unknown): number | bigint | undefined {
  if (typeof value === "number") {
    return Number.isInteger(value) ? value : undefined;
  }
  if (typeof value === "bigint") {
    return value;
  }
  if (typeof value !== "string" || !INTEGER_TEXT.test(value.trim())) {
    return undefined;
  }
  const text = value.trim();
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : BigInt(text);
}

/** Reads a finite number from a number or numeric text. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value !== "string" || value.trim() === "") {
    return undefined;
  }
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : undefined;
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") {
    return value;
  }
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "true" || text === "false") {
      return text === "true";
    }
  }
  return undefined;
}

function toStructured(value: unknown, kind: "object" | "array"): unknown {
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = parseJsonLossless(value);
    } catch {
      return undefined;
    }
  }
  const isArray = Array.isArray(parsed);
  const fits =
    kind === "array" ? isArray : typeof parsed === "object" && parsed !== null && !isArray;
  return fits ? parsed : undefined;
}

/**
 * Converts `value` to the JSON Schema `type`. Strings pass through for `string` and untyped
 * schemas; numbers and booleans given for a string type are written as text. Returns `undefined`
 * when the value does not fit.
 */
export function convertToType(value: unknown, type: string | undefined): Converted {
  let converted: unknown;
  switch (type) {
    case "integer":
      converted = toInteger(value);
      break;
    case "number":
      converted = toNumber(value);
      break;
    case "boolean":
      converted = toBoolean(value);
      break;
    case "object":
    case "array":
      converted = toStructured(value, type);
      break;
    case "string":
      converted =
        typeof value === "string" || typeof value === "number" || typeof value === "boolean"
          ? String(value)
          : undefined;
      break;
    default:
      converted = value;
  }
  return converted === undefined ? undefined : { value: converted };
}
