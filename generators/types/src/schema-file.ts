/**
 * The full type set of a spec (`paths`, `components`, `operations`), written by openapi-typescript
 * from the merged document.
 */

import type { SpecModel } from "@acs-sdk/spec-loader";
import openapiTS, { astToString, type OpenAPI3, type SchemaObject } from "openapi-typescript";
import ts from "typescript";

/** File name of the openapi-typescript output inside `src/generated/`. */
export const SCHEMA_FILE = "schema.gen.ts";

const { factory } = ts;

function keyword(kind: ts.KeywordTypeSyntaxKind): ts.KeywordTypeNode {
  return factory.createKeywordTypeNode(kind);
}

/**
 * Maps the spec's formats to the types the runtime works with:
 * - `int64` may exceed 2^53, so requests accept and responses may hold `bigint`;
 * - `binary` content is bytes, or text that the runtime encodes as UTF-8.
 */
function transformFormat(schema: SchemaObject): ts.TypeNode | undefined {
  if ((schema.type === "integer" || schema.type === "number") && schema.format === "int64") {
    return factory.createUnionTypeNode([
      keyword(ts.SyntaxKind.NumberKeyword),
      keyword(ts.SyntaxKind.BigIntKeyword),
    ]);
  }
  if (schema.type === "string" && schema.format === "binary") {
    return factory.createUnionTypeNode([
      factory.createTypeReferenceNode("Uint8Array"),
      keyword(ts.SyntaxKind.StringKeyword),
    ]);
  }
  return undefined;
}

/**
 * Example values may hold `bigint`s (integers beyond 2^53); openapi-typescript prints examples
 * with `JSON.stringify`, which rejects them, so they become their decimal digits here.
 */
function toJsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") {
    return value.toString();
  }
  if (Array.isArray(value)) {
    return value.map(toJsonSafe);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(copy, key, { value: toJsonSafe(item), enumerable: true, writable: true });
  }
  return copy;
}

/**
 * Halves the indentation unit of TypeScript's printer (4 spaces) to the 2 of generated code. The
 * printer indents nothing but nesting and comment lines, so this equals what ts-morph's
 * `formatText` produces (a test compares the two), at a fraction of its cost on files that
 * reach hundreds of kilobytes.
 */
export function reindentPrinted(text: string): string {
  return text.replace(/^ +/gm, (indent) => {
    const unit = Math.floor(indent.length / 4);
    return " ".repeat(unit * 2 + (indent.length % 4));
  });
}

/**
 * Runs openapi-typescript once over the merged document and returns the printed types, indented
 * by 2 spaces.
 */
export async function printSchemaTypes(model: SpecModel): Promise<string> {
  const document = toJsonSafe(model.document) as OpenAPI3;
  const nodes = await openapiTS(document, { silent: true, transform: transformFormat });
  return reindentPrinted(astToString(nodes));
}
