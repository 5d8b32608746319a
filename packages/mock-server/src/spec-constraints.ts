import type { ValidationIssue } from "@acs-sdk/core";
import { primaryType } from "./parameter-decoder.js";
import type { JsonSchema, MockOperation } from "./spec-catalog.js";

/**
 * Checks a decoded request against the constraints its spec states (`required`, `enum`, lengths,
 * ranges, `pattern`, item counts), for servers started without generated validators. Issue paths
 * use the generated validators' form (`Filters[0].Key`) so both sources read alike.
 */
export function checkSpecConstraints(
  operation: MockOperation,
  request: Readonly<Record<string, unknown>>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const parameter of operation.parameters) {
    const value = request[parameter.name];
    if (value === undefined) {
      if (parameter.required && parameter.in !== "host") {
        issues.push(requiredIssue(parameter.name));
      }
      continue;
    }
    checkValue(value, parameter.schema, parameter.name, issues);
  }
  return issues;
}

function requiredIssue(path: string): ValidationIssue {
  return { path, constraint: "required", message: `${path} is required.` };
}

function checkValue(
  value: unknown,
  schema: JsonSchema,
  path: string,
  issues: ValidationIssue[],
): void {
  const issue = (constraint: string, message: string): void => {
    issues.push({ path, constraint, message: `${path} ${message}` });
  };
  if (schema.enum !== undefined && !schema.enum.some((allowed) => sameValue(allowed, value))) {
    issue(
      "enum",
      `must be one of ${schema.enum.map((allowed) => JSON.stringify(allowed)).join(", ")}.`,
    );
  }
  if (schema.const !== undefined && !sameValue(schema.const, value)) {
    issue("const", `must be ${JSON.stringify(schema.const)}.`);
  }
  switch (typeof value) {
    case "string":
      checkString(value, schema, issue);
      break;
    case "number":
    case "bigint":
      checkNumber(value, schema, issue);
      break;
    case "object":
      if (value instanceof Uint8Array) {
        // Binary bodies carry no constraints to check.
        return;
      }
      if (Array.isArray(value)) {
        checkArray(value, schema, path, issues, issue);
      } else if (value !== null) {
        checkObject(value as Record<string, unknown>, schema, path, issues);
      }
      break;
  }
  const type = primaryType(schema);
  if (type !== undefined && !matchesType(value, type)) {
    issue("type", `must be of type ${type}.`);
  }
}

type IssueSink = (constraint: string, message: string) => void;

function checkString(value: string, schema: JsonSchema, issue: IssueSink): void {
  // JSON Schema counts characters as code points, not UTF-16 units.
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) {
    issue("minLength", `must be at least ${schema.minLength} characters long.`);
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    issue("maxLength", `must be at most ${schema.maxLength} characters long.`);
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
    issue("pattern", `must match the pattern ${schema.pattern}.`);
  }
}

function checkNumber(value: number | bigint, schema: JsonSchema, issue: IssueSink): void {
  if (schema.minimum !== undefined && value < schema.minimum) {
    issue("minimum", `must be at least ${schema.minimum}.`);
  }
  if (schema.maximum !== undefined && value > schema.maximum) {
    issue("maximum", `must be at most ${schema.maximum}.`);
  }
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
    issue("exclusiveMinimum", `must be greater than ${schema.exclusiveMinimum}.`);
  }
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) {
    issue("exclusiveMaximum", `must be less than ${schema.exclusiveMaximum}.`);
  }
}

function checkArray(
  value: readonly unknown[],
  schema: JsonSchema,
  path: string,
  issues: ValidationIssue[],
  issue: IssueSink,
): void {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    issue("minItems", `must have at least ${schema.minItems} items.`);
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    issue("maxItems", `must have at most ${schema.maxItems} items.`);
  }
  if (schema.items !== undefined) {
    const items = schema.items;
    value.forEach((item, index) => {
      checkValue(item, items, `${path}[${index}]`, issues);
    });
  }
}

function checkObject(
  value: Readonly<Record<string, unknown>>,
  schema: JsonSchema,
  path: string,
  issues: ValidationIssue[],
): void {
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) {
      issues.push(requiredIssue(`${path}.${name}`));
    }
  }
  for (const [name, member] of Object.entries(value)) {
    const memberSchema =
      schema.properties?.[name] ??
      (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
    if (memberSchema !== undefined && member !== undefined) {
      checkValue(member, memberSchema, `${path}.${name}`, issues);
    }
  }
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "bigint" || Number.isInteger(value);
    case "number":
      return typeof value === "bigint" || typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

function sameValue(expected: unknown, actual: unknown): boolean {
  // Enum members from YAML are numbers; a decoded int64 may be a bigint of the same value.
  if (typeof actual === "bigint" && typeof expected === "number") {
    return Number.isInteger(expected) && BigInt(expected) === actual;
  }
  return expected === actual;
}
