/**
 * Checks that generated validators call. This file is copied verbatim into every validators
 * package as `validation-kit.gen.ts`, so it must stay self-contained: no imports at all.
 *
 * Every check treats `undefined` and `null` as "absent" and accepts them (the runtime sends
 * nothing for them); `checkPresent` reports absent required values. Type checks return the value
 * when it has the type, and each constraint has a check of its own that takes that result, so a
 * bundle contains only the constraint checks that its validators call.
 */

/** A problem found by a validator. Structurally the runtime's `ValidationIssue`. */
export interface ValidationIssue {
  /** Parameter path in the checked value, such as `Alias` or `Tags[0].Key`. */
  readonly path: string;
  /** The violated constraint keyword: `type`, `enum`, `maxLength`, `required`, … */
  readonly constraint: string;
  /** One sentence naming the parameter, the constraint and the value found. */
  readonly message: string;
}

/** Checks a request or response value and returns every problem found. */
export type Validator = (value: unknown) => ValidationIssue[];

/** Length limits of strings, in Unicode code points. */
export interface LengthConstraints {
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** Bounds of numeric values. */
export interface RangeConstraints {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

/** Size limits of lists. */
export interface ItemCountConstraints {
  readonly minItems?: number;
  readonly maxItems?: number;
}

type Issues = ValidationIssue[];

/** Appends `.key` to a path (`Tags[0]` + `Key` → `Tags[0].Key`). */
export function joinPath(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/** Appends `[index]` to a path. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** Reads an own property; inherited members such as `constructor` or `__proto__` read as absent. */
export function ownValue(object: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function describe(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value);
  }
  if (typeof value === "bigint") {
    return `${value}n`;
  }
  if (Array.isArray(value)) {
    return "a list";
  }
  if (value instanceof Uint8Array) {
    return "bytes";
  }
  return typeof value === "object" && value !== null ? "an object" : String(value);
}

function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function report(issues: Issues, path: string, constraint: string, sentence: string): void {
  const subject = path === "" ? "The value" : path;
  issues.push({ path, constraint, message: `${subject} ${sentence}` });
}

function reportType(issues: Issues, path: string, expected: string, value: unknown): void {
  report(issues, path, "type", `must be ${expected} (got ${describe(value)}).`);
}

/** Reports a required value that is absent. */
export function checkPresent(
  object: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  issues: Issues,
): void {
  if (isAbsent(ownValue(object, key))) {
    report(issues, path, "required", "is required.");
  }
}

/**
 * Checks the top level of a request or response: it must be an object. Returns whether the
 * properties can be checked.
 */
export function checkRoot(
  value: unknown,
  subject: string,
  issues: Issues,
): value is Readonly<Record<string, unknown>> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return true;
  }
  issues.push({
    path: "",
    constraint: "type",
    message: `The ${subject} must be an object (got ${describe(value)}).`,
  });
  return false;
}

/** Checks an optional object; returns whether its properties can be checked. */
export function checkObject(
  value: unknown,
  path: string,
  issues: Issues,
): value is Readonly<Record<string, unknown>> {
  if (isAbsent(value)) {
    return false;
  }
  if (typeof value === "object" && !Array.isArray(value) && !(value instanceof Uint8Array)) {
    return true;
  }
  reportType(issues, path, "an object", value);
  return false;
}

/** Checks an optional list; returns whether its items can be checked. */
export function checkArray(
  value: unknown,
  path: string,
  issues: Issues,
): value is readonly unknown[] {
  if (isAbsent(value)) {
    return false;
  }
  if (!Array.isArray(value)) {
    reportType(issues, path, "a list", value);
    return false;
  }
  return true;
}

/** Checks the length of a list that `checkArray` accepted. */
export function checkItemCount(
  list: readonly unknown[],
  path: string,
  issues: Issues,
  constraints: ItemCountConstraints,
): void {
  const { minItems, maxItems } = constraints;
  if (minItems !== undefined && list.length < minItems) {
    report(issues, path, "minItems", `must have at least ${minItems} items (got ${list.length}).`);
  }
  if (maxItems !== undefined && list.length > maxItems) {
    report(issues, path, "maxItems", `must have at most ${maxItems} items (got ${list.length}).`);
  }
}

/** Checks an optional string; returns it when it is one. */
export function checkString(value: unknown, path: string, issues: Issues): string | undefined {
  if (isAbsent(value)) {
    return undefined;
  }
  if (typeof value !== "string") {
    reportType(issues, path, "a string", value);
    return undefined;
  }
  return value;
}

/** Checks the length of a string; lengths count Unicode code points, as JSON Schema does. */
export function checkLength(
  value: string | undefined,
  path: string,
  issues: Issues,
  constraints: LengthConstraints,
): void {
  if (value === undefined) {
    return;
  }
  const length = [...value].length;
  const { minLength, maxLength } = constraints;
  if (minLength !== undefined && length < minLength) {
    const unit = minLength === 1 ? "character" : "characters";
    report(
      issues,
      path,
      "minLength",
      `must be at least ${minLength} ${unit} long (got ${length}).`,
    );
  }
  if (maxLength !== undefined && length > maxLength) {
    const unit = maxLength === 1 ? "character" : "characters";
    report(issues, path, "maxLength", `must be at most ${maxLength} ${unit} long (got ${length}).`);
  }
}

const patterns = new Map<string, RegExp>();

/** Checks a string against a regular expression, compiled with the `u` flag on first use. */
export function checkPattern(
  value: string | undefined,
  path: string,
  issues: Issues,
  pattern: string,
): void {
  if (value === undefined) {
    return;
  }
  let expression = patterns.get(pattern);
  if (expression === undefined) {
    expression = new RegExp(pattern, "u");
    patterns.set(pattern, expression);
  }
  if (!expression.test(value)) {
    report(issues, path, "pattern", `must match ${pattern} (got ${describe(value)}).`);
  }
}

/** Checks that a string or numeric value is one of `allowed`, compared as text. */
export function checkEnum(
  value: string | number | bigint | undefined,
  path: string,
  issues: Issues,
  allowed: readonly (string | number)[],
): void {
  if (value !== undefined && !allowed.some((item) => String(item) === String(value))) {
    report(issues, path, "enum", `must be one of ${allowed.join(", ")} (got ${describe(value)}).`);
  }
}

/** Checks a numeric value against its bounds; mixed number/bigint comparisons are exact. */
export function checkRange(
  value: number | bigint | undefined,
  path: string,
  issues: Issues,
  constraints: RangeConstraints,
): void {
  if (value === undefined) {
    return;
  }
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = constraints;
  const got = `(got ${describe(value)}).`;
  if (minimum !== undefined && value < minimum) {
    report(issues, path, "minimum", `must be at least ${minimum} ${got}`);
  }
  if (maximum !== undefined && value > maximum) {
    report(issues, path, "maximum", `must be at most ${maximum} ${got}`);
  }
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) {
    report(issues, path, "exclusiveMinimum", `must be greater than ${exclusiveMinimum} ${got}`);
  }
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) {
    report(issues, path, "exclusiveMaximum", `must be less than ${exclusiveMaximum} ${got}`);
  }
}

/**
 * Checks an optional numeric value: `read` returns the value as a number or bigint, or
 * `undefined` when it has the wrong type, which is then reported as not being `expected`.
 */
function checkNumeric<T extends number | bigint>(
  value: unknown,
  path: string,
  issues: Issues,
  expected: string,
  read: (value: unknown) => T | undefined,
): T | undefined {
  if (isAbsent(value)) {
    return undefined;
  }
  const numeric = read(value);
  if (numeric === undefined) {
    reportType(issues, path, expected, value);
  }
  return numeric;
}

/** Checks an optional number; returns it when it is a finite one. */
export function checkNumber(value: unknown, path: string, issues: Issues): number | undefined {
  return checkNumeric(value, path, issues, "a finite number", (item) =>
    typeof item === "number" && Number.isFinite(item) ? item : undefined,
  );
}

/**
 * Checks an optional integer that fits a `number` (int32 and unformatted integers); returns it
 * when it is one.
 */
export function checkInteger(value: unknown, path: string, issues: Issues): number | undefined {
  return checkNumeric(value, path, issues, "an integer", (item) =>
    Number.isSafeInteger(item) ? (item as number) : undefined,
  );
}

const INTEGER_TEXT = /^-?(0|[1-9][0-9]*)$/;

function readInt64(value: unknown): number | bigint | undefined {
  if (typeof value === "bigint" || Number.isSafeInteger(value)) {
    return value as number | bigint;
  }
  return typeof value === "string" && INTEGER_TEXT.test(value) ? BigInt(value) : undefined;
}

/**
 * Checks an optional int64: a safe-integer `number`, a `bigint`, or the decimal digits of an
 * integer as a string (values beyond 2^53 often travel as text). Returns the value as a number
 * or bigint when it is one.
 */
export function checkInt64(
  value: unknown,
  path: string,
  issues: Issues,
): number | bigint | undefined {
  const expected = "an integer (a number, a bigint or a string of digits)";
  return checkNumeric(value, path, issues, expected, readInt64);
}

/** Checks an optional boolean. */
export function checkBoolean(value: unknown, path: string, issues: Issues): void {
  if (!isAbsent(value) && typeof value !== "boolean") {
    reportType(issues, path, "a boolean", value);
  }
}

/** Checks optional binary content: bytes, or text that is sent as UTF-8. */
export function checkBinary(value: unknown, path: string, issues: Issues): void {
  if (!isAbsent(value) && typeof value !== "string" && !(value instanceof Uint8Array)) {
    reportType(issues, path, "a Uint8Array or a string", value);
  }
}
