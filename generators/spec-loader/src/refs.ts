/**
 * Local `$ref` handling. Specs keep every definition in one document, so a reference is always a
 * `#/...` JSON pointer into it.
 */
import { createDiagnostic, type Diagnostic } from "./diagnostics.js";
import { encodePointer, getAtPointer, type PathSegment } from "./json-pointer.js";
import type { SchemaObject, SpecModel } from "./model.js";
import type { YamlSource } from "./yaml-source.js";

const SCHEMA_REF_PREFIX = "#/components/schemas/";

/** Follows one reference; `undefined` when it names nothing. */
export function resolveRef(document: unknown, ref: string): unknown {
  return ref.startsWith("#") ? getAtPointer(document, ref) : undefined;
}

/** Returns the schema name of a `#/components/schemas/<Name>` reference, or `undefined`. */
export function schemaRefName(ref: string): string | undefined {
  if (!ref.startsWith(SCHEMA_REF_PREFIX)) {
    return undefined;
  }
  const name = ref.slice(SCHEMA_REF_PREFIX.length);
  return name.includes("/") ? undefined : name.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * Follows `$ref`s until a schema without one is reached. Reference chains are validated by
 * `loadSpec`. A cycle of bare references (a schema that is only a `$ref` to itself) ends at an
 * empty schema, which accepts anything.
 */
export function resolveSchema(
  model: Pick<SpecModel, "document">,
  schema: SchemaObject,
): SchemaObject {
  let current = schema;
  const seen = new Set<string>();
  while (current.$ref !== undefined) {
    if (seen.has(current.$ref)) {
      return {};
    }
    seen.add(current.$ref);
    current = (resolveRef(model.document, current.$ref) ?? {}) as SchemaObject;
  }
  return current;
}

/** Finds every `$ref` that is external or does not resolve. */
export function checkRefs(document: Record<string, unknown>, base: YamlSource): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const visit = (node: unknown, segments: PathSegment[]): void => {
    if (node === null || typeof node !== "object") {
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, [...segments, index]);
      });
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      const path = [...segments, key];
      if (key === "example") {
        // Example values are data, where a `$ref` key means nothing.
        continue;
      }
      if (key === "$ref" && typeof value === "string") {
        // Locating a node builds the file's syntax tree, so only a problem pays for it.
        const location = () => ({
          file: base.file,
          pointer: encodePointer(path),
          ...base.locate(path),
        });
        if (!value.startsWith("#")) {
          problems.push(createDiagnostic("ref-external", location(), { ref: value }));
        } else if (resolveRef(document, value) === undefined) {
          problems.push(createDiagnostic("ref-unresolved", location(), { ref: value }));
        }
      } else {
        visit(value, path);
      }
    }
  };
  visit(document, []);
  return problems;
}
