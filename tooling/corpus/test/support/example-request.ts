/**
 * Builds a request for an operation from its spec's example values: a parameter's own example
 * when it has one, else one assembled from the examples of its properties or items. A required
 * value without any example is filled from its enum, default or lower bounds, and reported, so
 * a test can tell how much of a request came from the spec.
 */
import {
  type OperationModel,
  resolveSchema,
  type SchemaObject,
  type SpecModel,
} from "@acs-sdk/spec-loader";

/** A request and the parameters that had no example anywhere. */
export interface ExampleRequest {
  readonly request: Record<string, unknown>;
  /** Wire names of required parameters whose value was made up from their schema. */
  readonly filled: readonly string[];
}

/** Nesting below which a recursive schema stops being expanded. */
const MAX_DEPTH = 6;

function firstType(schema: SchemaObject): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : (schema.type as string | undefined);
}

/** A value that satisfies a schema's type and bounds, for a required value with no example. */
function fillValue(schema: SchemaObject): unknown {
  if (schema.enum !== undefined && schema.enum.length > 0) {
    return schema.enum[0];
  }
  if (schema.default !== undefined) {
    return schema.default;
  }
  switch (firstType(schema)) {
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "array":
      return [];
    case "object":
      return {};
    default:
      return "x".repeat(Math.max(1, schema.minLength ?? 1));
  }
}

/** The example of a schema, or one assembled from its parts; `undefined` when it has none. */
export function exampleValue(model: SpecModel, declared: SchemaObject, depth = 0): unknown {
  const schema = resolveSchema(model, declared);
  const own = declared.examples?.[0] ?? schema.examples?.[0];
  if (own !== undefined) {
    return own;
  }
  if (depth >= MAX_DEPTH) {
    return undefined;
  }
  if (schema.properties !== undefined) {
    const value: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      const example = exampleValue(model, property, depth + 1);
      if (example !== undefined) {
        value[name] = example;
      } else if (schema.required?.includes(name)) {
        value[name] = fillValue(resolveSchema(model, property));
      }
    }
    return Object.keys(value).length > 0 ? value : undefined;
  }
  if (schema.items !== undefined) {
    const item = exampleValue(model, schema.items, depth + 1);
    return item === undefined ? undefined : [item];
  }
  return undefined;
}

/** The request of `operation` built from the examples of its parameters. */
export function exampleRequest(model: SpecModel, operation: OperationModel): ExampleRequest {
  const request: Record<string, unknown> = {};
  const filled: string[] = [];
  for (const parameter of operation.parameters) {
    const example = exampleValue(model, parameter.schema);
    if (example !== undefined) {
      request[parameter.name] = example;
    } else if (parameter.required) {
      request[parameter.name] = fillValue(resolveSchema(model, parameter.schema));
      filled.push(parameter.name);
    }
  }
  return { request, filled };
}
