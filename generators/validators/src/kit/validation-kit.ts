/**
 * Checks that generated validators call. This file is copied verbatim into every validators
 * package as `validation-kit.gen.ts`, so it must stay self-contained: no imports at all.
 *
 * Every check treats `undefined` and `null` as "absent" and accepts them (the runtime sends
 * nothing for them); `checkPresent` reports absent required values.
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

/** Constraints of string values. */
export interface StringConstraints {
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}

/** Constraints of numeric values. */
export interface NumberConstraints {
  readonly enum?: readonly number[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

/** Constraints of lists. */
export interface ArrayConstraints {
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

function checkEnum(
  value: string | number | bigint,
  path: string,
  issues: Issues,
  allowed: readonly (string | number)[] | undefined,
): void {
  if (allowed !== undefined && !allowed.some((item) => String(item) === String(value))) {
    report(issues, path, "enum", `must be one of ${allowed.join(", ")} (got ${describe(value)}).`);
  }
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

/** Checks an optional list and its length; returns whether its items can be checked. */
export function checkArray(
  value: unknown,
  path: string,
  issues: Issues,
  constraints: ArrayConstraints = {},
): value is readonly unknown[] {
  if (isAbsent(value)) {
    return false;
  }
  if (!Array.isArray(value)) {
    reportType(issues, path, "a list", value);
    return false;
  }
  const { minItems, maxItems } = constraints;
  if (minItems !== undefined && value.length < minItems) {
    report(issues, path, "minItems", `must have at least ${minItems} items (got ${value.length}).`);
  }
  if (maxItems !== undefined && value.length > maxItems) {
    report(issues, path, "maxItems", `must have at most ${maxItems} items (got ${value.length}).`);
  }
  return true;
}

const patterns = new Map<string, RegExp>();

function compiled(pattern: string): RegExp {
  let expression = patterns.get(pattern);
  if (expression === undefined) {
    expression = new RegExp(pattern, "u");
    patterns.set(pattern, expression);
  }
  return expression;
}

/** Checks an optional string. Lengths count Unicode code points, as JSON Schema does. */
export function checkString(
  value: unknown,
  path: string,
  issues: Issues,
  constraints: StringConstraints = {},
): void {
  if (isAbsent(value)) {
    return;
  }
  if (typeof value !== "string") {
    reportType(issues, path, "a string", value);
    return;
  }
  const length = [...value].length;
  const { minLength, maxLength, pattern } = constraints;
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
  if (pattern !== undefined && !compiled(pattern).test(value)) {
    report(issues, path, "pattern", `must match ${pattern} (got ${describe(value)}).`);
  }
  checkEnum(value, path, issues, constraints.enum);
}

function checkBounds(
  value: number | bigint,
  path: string,
  issues: Issues,
  constraints: NumberConstraints,
): void {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = constraints;
  const got = `(got ${describe(value)}).`;
  // Mixed number/bigint comparisons are exact in JavaScript.
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
  checkEnum(value, path, issues, constraints.enum);
}

/**
 * Checks an optional numeric value: `read` returns the value as a number or bigint, or
 * `undefined` when it has the wrong type, which is then reported as not being `expected`.
 */
function checkNumeric(
  value: unknown,
  path: string,
  issues: Issues,
  constraints: NumberConstraints,
  expected: string,
  read: (value: unknown) => number | bigint | undefined,
): void {
  if (isAbsent(value)) {
    return;
  }
  const numeric = read(value);
  if (numeric === undefined) {
    reportType(issues, path, expected, value);
    return;
  }
  checkBounds(numeric, path, issues, constraints);
}

/** Checks an optional number. */
export function checkNumber(
  value: unknown,
  path: string,
  issues: Issues,
  constraints: NumberConstraints = {},
): void {
  checkNumeric(value, path, issues, constraints, "a finite number", (item) =>
    typeof item === "number" && Number.isFinite(item) ? item : undefined,
  );
}

/** Checks an optional integer that fits a `number` (int32 and unformatted integers). */
export function checkInteger(
  value: unknown,
  path: string,
  issues: Issues,
  constraints: NumberConstraints = {},
): void {
  checkNumeric(value, path, issues, constraints, "an integer", (item) =>
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
 * integer as a string (values beyond 2^53 often travel as text).
 */
export function checkInt64(
  value: unknown,
  path: string,
  issues: Issues,
  constraints: NumberConstraints = {},
): void {
  const expected = "an integer (a number, a bigint or a string of digits)";
  checkNumeric(value, path, issues, constraints, expected, readInt64);
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
