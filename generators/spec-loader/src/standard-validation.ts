/**
 * Validation with a standard OpenAPI parser (@apidevtools/swagger-parser), which checks the
 * document against the official OpenAPI 3.1 JSON schema.
 */
import SwaggerParser from "@apidevtools/swagger-parser";
import { createDiagnostic, type Diagnostic } from "./diagnostics.js";
import { decodePointer } from "./json-pointer.js";
import type { YamlSource } from "./yaml-source.js";

/** One schema violation as the parser's JSON-schema validator reports it. */
interface SchemaViolation {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

/**
 * NOTE: the OpenAPI 3.1 schema bundled with the parser (2021-04-15) misspells the server
 * variable's `description` as `descriptions`, so it rejects a valid `description`. The official
 * schema was corrected later; until the parser ships that, this one false report is dropped.
 */
function isKnownFalseReport(violation: SchemaViolation): boolean {
  return (
    violation.keyword === "unevaluatedProperties" &&
    violation.params?.unevaluatedProperty === "description" &&
    /^\/servers\/\d+\/variables\/[^/]+$/.test(violation.instancePath)
  );
}

function describeViolation(violation: SchemaViolation): string {
  const detail = violation.params ?? {};
  if (violation.keyword === "enum" && Array.isArray(detail.allowedValues)) {
    return `${violation.message} (${detail.allowedValues.join(", ")})`;
  }
  if (
    violation.keyword === "unevaluatedProperties" ||
    violation.keyword === "additionalProperties"
  ) {
    const name = detail.unevaluatedProperty ?? detail.additionalProperty;
    return `${violation.message}: ${String(name)}`;
  }
  return violation.message ?? violation.keyword;
}

/**
 * Validates a document with the standard parser and turns schema violations into diagnostics, one
 * per node. `if`/`then`/`else` wrapper reports are dropped: they only repeat the nested failure.
 */
export async function validateWithStandardParser(
  document: Record<string, unknown>,
  base: YamlSource,
): Promise<Diagnostic[]> {
  try {
    // The parser dereferences in place, so it gets a copy.
    await SwaggerParser.validate(structuredClone(document) as never, {
      resolve: { external: false },
    });
    return [];
  } catch (error) {
    const details = (error as { details?: SchemaViolation[] }).details;
    const violations = Array.isArray(details)
      ? details.filter((item) => item.keyword !== "if" && !isKnownFalseReport(item))
      : [{ instancePath: "", keyword: "parse", message: (error as Error).message }];
    const reasonsByPath = new Map<string, string[]>();
    for (const violation of violations) {
      const reasons = reasonsByPath.get(violation.instancePath) ?? [];
      reasons.push(describeViolation(violation));
      reasonsByPath.set(violation.instancePath, reasons);
    }
    return [...reasonsByPath].map(([pointer, reasons]) => {
      const segments = decodePointer(pointer);
      return createDiagnostic(
        "openapi-schema",
        { file: base.file, pointer, ...base.locate(segments) },
        { version: String(document.openapi), reason: [...new Set(reasons)].join("; ") },
      );
    });
  }
}
