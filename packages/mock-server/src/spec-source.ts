import { loadSpec, resolveSchema, type SchemaObject, type SpecModel } from "@acs-sdk/spec-loader";
import { MockServerError } from "./errors.js";
import type { JsonSchema, MockOperation, MockParameter, MockService } from "./spec-catalog.js";

/** A spec directory (`specs/hbr/2017-09-08`) or a model that `loadSpec` already returned. */
export type SpecInput = string | SpecModel;

/** Loads every spec input and converts it to the server's view of its operations. */
export async function loadServices(inputs: readonly SpecInput[]): Promise<MockService[]> {
  const services: MockService[] = [];
  for (const input of inputs) {
    let model: SpecModel;
    try {
      model = typeof input === "string" ? await loadSpec(input) : input;
    } catch (cause) {
      throw new MockServerError(
        "spec-unusable",
        `The spec ${String(input)} could not be loaded: ${(cause as Error).message}`,
        { cause },
      );
    }
    services.push(toService(model));
  }
  return services;
}

/** Converts a loaded spec model; exported for callers that build services by hand. */
export function toService(model: SpecModel): MockService {
  const { product, apiVersion } = model.service;
  const operations = model.operations.map(
    (operation): MockOperation => ({
      product,
      apiVersion,
      name: operation.action,
      style: operation.style,
      methods: operation.methods,
      pathname: operation.pathname,
      parameters: operation.parameters.map(
        (parameter): MockParameter => ({
          name: parameter.name,
          in: parameter.in,
          ...(parameter.style === undefined ? {} : { style: parameter.style }),
          required: parameter.required,
          wholeBody: parameter.wholeBody,
          schema: inlineSchema(model, parameter.schema, []),
        }),
      ),
      ...(operation.response.example === undefined
        ? {}
        : { successExample: operation.response.example }),
    }),
  );
  return { product, apiVersion, operations };
}

/**
 * Resolves `$ref`s throughout a schema. A reference already being resolved further up (a
 * recursive type) becomes an empty schema, which accepts any value at that depth.
 */
function inlineSchema(
  model: SpecModel,
  schema: SchemaObject,
  resolving: readonly string[],
): JsonSchema {
  if (schema.$ref !== undefined && resolving.includes(schema.$ref)) {
    return {};
  }
  const inner = schema.$ref === undefined ? resolving : [...resolving, schema.$ref];
  const resolved = resolveSchema(model, schema);
  const { items, properties, additionalProperties } = resolved;
  return {
    ...resolved,
    ...(items === undefined ? {} : { items: inlineSchema(model, items, inner) }),
    ...(properties === undefined
      ? {}
      : {
          properties: Object.fromEntries(
            Object.entries(properties).map(([name, member]) => [
              name,
              inlineSchema(model, member, inner),
            ]),
          ),
        }),
    ...(typeof additionalProperties === "object"
      ? { additionalProperties: inlineSchema(model, additionalProperties, inner) }
      : {}),
  };
}
