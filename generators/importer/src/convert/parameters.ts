/**
 * Files each metadata parameter where OpenAPI expects it: `parameters[]` for query, path,
 * header and host values; a form body for `formData`; a JSON body for `body` (see the position
 * table in specs/README.md).
 */
import { appendPointer } from "../json/json-pointer.js";
import { setOwnProperty } from "../json/own-property.js";
import type { MetadataApi, MetadataParameter } from "../metadata/api-docs.js";
import type { ConversionContext } from "./context.js";
import { convertSchema, isRequired, type OutputSchema } from "./schema.js";

/** The request half of an operation. */
export interface RequestParts {
  readonly parameters: Record<string, unknown>[];
  readonly requestBody?: Record<string, unknown>;
}

/** Media type of a `formData` body. */
export const FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";
/** Media type of a `body` body. */
export const JSON_MEDIA_TYPE = "application/json";

const STYLES = new Set(["repeatList", "flat", "json", "simple", "xml"]);
const PARAMETER_KEYS = new Set(["name", "in", "schema", "style", "allowEmptyValue", "examples"]);

interface Located {
  readonly parameter: MetadataParameter;
  readonly pointer: string;
}

function readStyle(
  { parameter, pointer }: Located,
  context: ConversionContext,
): string | undefined {
  const style = parameter.style;
  if (style === undefined) {
    return undefined;
  }
  if (typeof style === "string" && STYLES.has(style)) {
    return style;
  }
  context.report("unknown-key", appendPointer(pointer, "style"), `style ${JSON.stringify(style)}`);
  return undefined;
}

function reportParameterKeys({ parameter, pointer }: Located, context: ConversionContext): void {
  for (const key of Object.keys(parameter)) {
    if (!PARAMETER_KEYS.has(key)) {
      context.report("unknown-key", appendPointer(pointer, key), `parameter key \`${key}\``);
    }
  }
  const examples = parameter.examples;
  if (examples !== undefined && !(Array.isArray(examples) && examples.length === 0)) {
    const at = appendPointer(pointer, "examples");
    context.report("unknown-key", at, "parameter-level `examples` (schemas carry examples)");
  }
  if (parameter.allowEmptyValue === true && parameter.in !== "query") {
    context.dropDocumentation("allowEmptyValue", appendPointer(pointer, "allowEmptyValue"));
  }
}

/** Converts the schema of a body property or form field and adds its wire style. */
function propertySchema(located: Located, context: ConversionContext): OutputSchema {
  const schema = convertSchema(
    located.parameter.schema,
    appendPointer(located.pointer, "schema"),
    context,
  );
  const style = readStyle(located, context);
  return style === undefined ? schema : { ...schema, "x-acs-style": style };
}

function convertParameter(located: Located, context: ConversionContext): Record<string, unknown> {
  const { parameter, pointer } = located;
  const converted = convertSchema(parameter.schema, appendPointer(pointer, "schema"), context);
  const { description, deprecated, ...schema } = converted;
  const isPath = parameter.in === "path";
  const required = isRequired(parameter.schema);
  if (isPath && !required) {
    const message = `path parameter ${parameter.name} is marked optional; it is required`;
    context.report(
      "path-parameter-mismatch",
      appendPointer(pointer, "schema", "required"),
      message,
    );
  }
  const style = readStyle(located, context);
  return {
    name: parameter.name,
    in: parameter.in === "host" ? "header" : parameter.in,
    ...(parameter.in === "host" ? { "x-acs-in": "host" } : {}),
    required: isPath || required,
    ...(deprecated === true ? { deprecated: true } : {}),
    ...(description === undefined ? {} : { description }),
    ...(style === undefined ? {} : { "x-acs-style": style }),
    ...(parameter.allowEmptyValue === true && parameter.in === "query"
      ? { allowEmptyValue: true }
      : {}),
    schema,
  };
}

/** Builds an object schema whose properties are the given parameters. */
function objectOf(fields: readonly Located[], context: ConversionContext): OutputSchema {
  const properties: OutputSchema = {};
  const required: string[] = [];
  for (const field of fields) {
    setOwnProperty(properties, field.parameter.name, propertySchema(field, context));
    if (isRequired(field.parameter.schema)) {
      required.push(field.parameter.name);
    }
  }
  return required.length > 0
    ? { type: "object", properties, required }
    : { type: "object", properties };
}

function isObjectSchema(parameter: MetadataParameter): boolean {
  const { type, $ref } = parameter.schema;
  return type === "object" || (type === undefined && typeof $ref === "string");
}

/** Builds the JSON body: one object parameter is the whole body, others become properties. */
function jsonBody(
  fields: readonly Located[],
  context: ConversionContext,
): [OutputSchema, Record<string, unknown>] {
  const [only] = fields;
  if (fields.length === 1 && only !== undefined && isObjectSchema(only.parameter)) {
    const schema = propertySchema(only, context);
    const required = isRequired(only.parameter.schema);
    return [schema, { required, "x-acs-body-name": only.parameter.name }];
  }
  const objects = fields.filter((field) => isObjectSchema(field.parameter));
  for (const field of objects) {
    const message = `object body parameter ${field.parameter.name} is one of ${fields.length}; it becomes a property`;
    context.report("body-conflict", field.pointer, message);
  }
  const required = fields.some((field) => isRequired(field.parameter.schema));
  return [objectOf(fields, context), { required }];
}

/** Converts the parameters of one operation at `pointer` (`/apis/<Name>`). */
export function convertParameters(
  api: MetadataApi,
  pointer: string,
  context: ConversionContext,
): RequestParts {
  const parameters: Record<string, unknown>[] = [];
  const form: Located[] = [];
  const body: Located[] = [];
  const seen = new Set<string>();
  api.parameters.forEach((parameter, index) => {
    const located = { parameter, pointer: appendPointer(pointer, "parameters", index) };
    reportParameterKeys(located, context);
    const key = `${parameter.in}\u0000${parameter.name}`;
    if (seen.has(key)) {
      const message = `parameter ${parameter.name} (${parameter.in}) is listed again`;
      context.report("duplicate-parameter", located.pointer, message);
      return;
    }
    seen.add(key);
    switch (parameter.in) {
      case "query":
      case "path":
      case "header":
      case "host":
        parameters.push(convertParameter(located, context));
        break;
      case "formData":
        form.push(located);
        break;
      case "body":
        body.push(located);
        break;
      default:
        context.report(
          "unknown-key",
          appendPointer(located.pointer, "in"),
          `position ${JSON.stringify(parameter.in)}`,
        );
    }
  });
  const content: Record<string, unknown> = {};
  let bodyFacts: Record<string, unknown> = { required: false };
  if (form.length > 0) {
    content[FORM_MEDIA_TYPE] = { schema: objectOf(form, context) };
    bodyFacts = { required: form.some((field) => isRequired(field.parameter.schema)) };
  }
  if (body.length > 0) {
    const [schema, facts] = jsonBody(body, context);
    content[JSON_MEDIA_TYPE] = { schema };
    if (form.length > 0) {
      context.report(
        "body-conflict",
        pointer,
        "the operation has both formData and body parameters",
      );
    }
    bodyFacts = { ...facts, required: facts.required === true || bodyFacts.required === true };
  }
  if (Object.keys(content).length === 0) {
    return { parameters };
  }
  return { parameters, requestBody: { ...bodyFacts, content } };
}
