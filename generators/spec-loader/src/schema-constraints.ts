/**
 * Checks of schema keywords that the standard OpenAPI validation does not look into but that
 * leave a generated package unusable. Runs on the merged document.
 */
import type { Diagnostic } from "./diagnostics.js";
import { Findings } from "./findings.js";
import type { PathSegment } from "./json-pointer.js";
import type { YamlSource } from "./yaml-source.js";

/** Keys whose values are data, not schemas, so an `enum` key below them is not a constraint. */
const DATA_KEYS = new Set(["example", "examples", "default", "const"]);

/** The values JSON Schema 2020-12 allows for `type`. */
const SCHEMA_TYPES = new Set(["array", "boolean", "integer", "null", "number", "object", "string"]);

/** Keys whose values are not schemas although they may hold a `type` key of their own. */
const NON_SCHEMA_KEYS = new Set(["securitySchemes", "servers"]);

function isSchemaTypeValue(value: unknown): boolean {
  if (typeof value === "string") {
    return SCHEMA_TYPES.has(value);
  }
  return Array.isArray(value) && value.every((item) => SCHEMA_TYPES.has(item as string));
}

/** Bounds keywords and how a value breaks each. */
const BOUNDS: readonly [string, (value: number, bound: number) => boolean][] = [
  ["minimum", (value, bound) => value < bound],
  ["maximum", (value, bound) => value > bound],
  ["exclusiveMinimum", (value, bound) => value <= bound],
  ["exclusiveMaximum", (value, bound) => value >= bound],
];

/** Returns the first bounds keyword of `schema` (`minimum`, …) that `value` breaks, if any. */
export function brokenBound(
  schema: Readonly<Record<string, unknown>>,
  value: number,
): { readonly keyword: string; readonly bound: number } | undefined {
  for (const [keyword, breaks] of BOUNDS) {
    const bound = schema[keyword];
    if (typeof bound === "number" && breaks(value, bound)) {
      return { keyword, bound };
    }
  }
  return undefined;
}

/**
 * Reports a numeric `default` outside the schema's bounds: generated code documents the default,
 * and the validator would reject a request that sends it.
 */
function checkDefault(
  schema: Record<string, unknown>,
  segments: PathSegment[],
  findings: Findings,
): void {
  const value = schema.default;
  if (typeof value !== "number") {
    return;
  }
  const broken = brokenBound(schema, value);
  if (broken !== undefined) {
    findings.add("schema-default-out-of-range", [...segments, "default"], { value, ...broken });
  }
}

function visit(value: unknown, segments: PathSegment[], findings: Findings): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      visit(item, [...segments, index], findings);
    });
    return;
  }
  if (value === null || typeof value !== "object") {
    return;
  }
  checkDefault(value as Record<string, unknown>, segments, findings);
  for (const [key, child] of Object.entries(value)) {
    if (DATA_KEYS.has(key) || NON_SCHEMA_KEYS.has(key) || key.startsWith("x-")) {
      continue;
    }
    if (key === "type" && (typeof child === "string" || Array.isArray(child))) {
      // A misspelt type makes openapi-typescript and the validators disagree about the value.
      if (!isSchemaTypeValue(child)) {
        findings.add("schema-type-invalid", [...segments, key], { type: JSON.stringify(child) });
      }
      continue;
    }
    if (key === "enum" && Array.isArray(child) && child.length === 0) {
      // An empty enum admits no value: every request would fail validation.
      findings.add("schema-enum-empty", [...segments, key], {});
      continue;
    }
    visit(child, [...segments, key], findings);
  }
}

/**
 * Finds every schema constraint no value can meet (`enum: []`) and every `type` that JSON Schema
 * does not define. It also finds every numeric `default` outside its bounds. Returns what is
 * wrong.
 */
export function checkSchemaConstraints(
  document: Record<string, unknown>,
  base: YamlSource,
): Diagnostic[] {
  const findings = new Findings(base);
  visit(document, [], findings);
  return findings.list;
}
