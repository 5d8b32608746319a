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
 * does not define; returns what is wrong.
 */
export function checkSchemaConstraints(
  document: Record<string, unknown>,
  base: YamlSource,
): Diagnostic[] {
  const findings = new Findings(base);
  visit(document, [], findings);
  return findings.list;
}
