/**
 * Converts metadata schemas to JSON Schema 2020-12 as OpenAPI 3.1 uses it: typed constraint
 * values, `exclusiveMinimum` as a number, per-property `required` flags gathered into a list,
 * `example` as `examples`, and `enumValueTitles` kept as `x-acs-enum-titles`.
 */
import { brokenBound } from "@acs-sdk/spec-loader";
import { appendPointer } from "../json/json-pointer.js";
import { setOwnProperty } from "../json/own-property.js";
import { asRecord, isRecord, type JsonRecord } from "../metadata/api-docs.js";
import { type ConversionContext, SCHEMA_REF_PREFIX } from "./context.js";
import { convertToType, toInteger, toNumber } from "./scalar-values.js";

/** A JSON Schema object in the output document. */
export type OutputSchema = Record<string, unknown>;

const JSON_TYPES = new Set(["string", "integer", "number", "boolean", "object", "array"]);

/**
 * Keys that only steer how Alibaba's portal renders the reference page, or name fields inside
 * Alibaba's own backend (`backendName`) and SDKs (`sdkPropertyName`).
 */
const DOCUMENTATION_KEYS = new Set([
  "backendName",
  "docRequired",
  "index",
  "isFileTransferUrl",
  "itemName",
  "sdkPropertyName",
]);

/** Keys read by {@link convertSchema}; `required` is read by the parent object or parameter. */
const MAPPED_KEYS = new Set([
  "$ref",
  "type",
  "format",
  "title",
  "description",
  "deprecated",
  "readOnly",
  "enum",
  "enumValueTitles",
  "default",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "items",
  "properties",
  "required",
  "additionalProperties",
  "example",
]);

const NUMERIC_FORMATS = new Set(["int32", "int64", "float", "double"]);

function formatFits(format: string, type: string | undefined): boolean {
  switch (type) {
    case "integer":
      return format === "int32" || format === "int64";
    case "number":
      return NUMERIC_FORMATS.has(format);
    case "string":
      return !NUMERIC_FORMATS.has(format);
    default:
      return false;
  }
}

/** Reads the output `type`. `any` and unknown types leave the schema untyped. */
function readType(
  node: JsonRecord,
  pointer: string,
  context: ConversionContext,
): string | undefined {
  const type = node.type;
  if (type === undefined || type === "any") {
    return undefined;
  }
  if (typeof type === "string" && JSON_TYPES.has(type)) {
    return type;
  }
  context.report("type-unknown", appendPointer(pointer, "type"), `type ${JSON.stringify(type)}`);
  return undefined;
}

function readRef(
  node: JsonRecord,
  pointer: string,
  context: ConversionContext,
): string | undefined {
  const ref = node.$ref;
  if (ref === undefined) {
    return undefined;
  }
  const name =
    typeof ref === "string" && ref.startsWith(SCHEMA_REF_PREFIX)
      ? ref.slice(SCHEMA_REF_PREFIX.length)
      : undefined;
  const target = name === undefined ? undefined : context.componentNames.get(name);
  if (target === undefined) {
    context.report(
      "ref-unresolved",
      appendPointer(pointer, "$ref"),
      `reference ${JSON.stringify(ref)}`,
    );
    return undefined;
  }
  return SCHEMA_REF_PREFIX + target;
}

/** Tells whether a value is absent. An empty string counts as absent for every type but `string`. */
function isAbsent(value: unknown, type: string | undefined): boolean {
  return value === undefined || (value === "" && type !== "string");
}

function convertTyped(
  node: JsonRecord,
  key: "default" | "example",
  type: string | undefined,
  pointer: string,
  context: ConversionContext,
): { value: unknown } | undefined {
  const raw = node[key];
  if (isAbsent(raw, type)) {
    return undefined;
  }
  const converted = convertToType(raw, type);
  if (converted === undefined) {
    const message = `${key} ${JSON.stringify(raw)} is not a valid ${type ?? "value"}`;
    context.report("value-unconvertible", appendPointer(pointer, key), message);
  }
  return converted;
}

function convertEnum(
  node: JsonRecord,
  type: string | undefined,
  pointer: string,
  context: ConversionContext,
): unknown[] | undefined {
  const values = node.enum;
  if (values === undefined) {
    return undefined;
  }
  const at = appendPointer(pointer, "enum");
  if (!Array.isArray(values)) {
    context.report("constraint-invalid", at, `enum ${JSON.stringify(values)} is not a list`);
    return undefined;
  }
  if (values.length === 0) {
    // The metadata writes `enum: []` where a value has no list; in JSON Schema it would reject
    // every value.
    return undefined;
  }
  const converted = values.map((value) => convertToType(value, type));
  const failed = values.filter((_, index) => converted[index] === undefined);
  if (failed.length > 0) {
    // A partial list would reject values the service accepts, so the whole enum goes.
    const message = `enum values ${JSON.stringify(failed)} are not valid ${type ?? "values"}`;
    context.report("value-unconvertible", at, message);
    return undefined;
  }
  return converted.map((entry) => entry?.value);
}

function convertEnumTitles(node: JsonRecord, pointer: string, context: ConversionContext): unknown {
  const titles = asRecord(node.enumValueTitles);
  if (node.enumValueTitles === undefined) {
    return undefined;
  }
  if (titles === undefined) {
    const at = appendPointer(pointer, "enumValueTitles");
    context.report("constraint-invalid", at, "enumValueTitles is not an object");
    return undefined;
  }
  return { ...titles };
}

/** One bound as JSON Schema 2020-12 writes it, or nothing. */
type Bounds = Partial<
  Record<"minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum", number | bigint>
>;

function convertBound(
  node: JsonRecord,
  limit: "minimum" | "maximum",
  exclusive: "exclusiveMinimum" | "exclusiveMaximum",
  type: string | undefined,
  pointer: string,
  context: ConversionContext,
): Bounds {
  const raw = node[limit];
  let value: number | bigint | undefined;
  if (!isAbsent(raw, type)) {
    value = type === "integer" ? toInteger(raw) : toNumber(raw);
    if (value === undefined) {
      const message = `${limit} ${JSON.stringify(raw)} is not a number`;
      context.report("constraint-invalid", appendPointer(pointer, limit), message);
    }
  }
  const flag = node[exclusive];
  if (flag === true) {
    if (value === undefined) {
      const message = `${exclusive} is true but there is no ${limit}`;
      context.report("constraint-invalid", appendPointer(pointer, exclusive), message);
      return {};
    }
    // OpenAPI 3.1 (JSON Schema 2020-12) writes an exclusive bound as the number itself.
    return { [exclusive]: value };
  }
  if (flag !== undefined && flag !== false) {
    const message = `${exclusive} ${JSON.stringify(flag)} is not a boolean`;
    context.report("constraint-invalid", appendPointer(pointer, exclusive), message);
  }
  return value === undefined ? {} : { [limit]: value };
}

function convertCount(
  node: JsonRecord,
  key: "minLength" | "maxLength" | "minItems" | "maxItems",
  pointer: string,
  context: ConversionContext,
): number | undefined {
  const raw = node[key];
  if (raw === undefined || raw === "") {
    return undefined;
  }
  const value = toInteger(raw);
  if (typeof value !== "number" || value < 0) {
    const message = `${key} ${JSON.stringify(raw)} is not a non-negative integer`;
    context.report("constraint-invalid", appendPointer(pointer, key), message);
    return undefined;
  }
  return value;
}

function convertPattern(node: JsonRecord, pointer: string, context: ConversionContext): unknown {
  const pattern = node.pattern;
  if (pattern === undefined || pattern === "") {
    return undefined;
  }
  try {
    if (typeof pattern !== "string") {
      throw new TypeError("not a string");
    }
    new RegExp(pattern);
    return pattern;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `pattern ${JSON.stringify(pattern)} is not a regular expression (${reason})`;
    context.report("constraint-invalid", appendPointer(pointer, "pattern"), message);
    return undefined;
  }
}

function convertFormat(
  node: JsonRecord,
  type: string | undefined,
  pointer: string,
  context: ConversionContext,
): unknown {
  const format = node.format;
  if (format === undefined || format === "") {
    return undefined;
  }
  if (typeof format === "string" && formatFits(format, type)) {
    return format;
  }
  const message = `format ${JSON.stringify(format)} on type ${type ?? "any"}`;
  context.report("format-mismatch", appendPointer(pointer, "format"), message);
  return undefined;
}

function convertProperties(
  node: JsonRecord,
  pointer: string,
  context: ConversionContext,
): { properties?: OutputSchema; required?: string[] } {
  const properties = asRecord(node.properties);
  if (node.properties === undefined) {
    return {};
  }
  if (properties === undefined) {
    const at = appendPointer(pointer, "properties");
    context.report("schema-invalid", at, "properties is not an object");
    return {};
  }
  const converted: OutputSchema = {};
  const required: string[] = [];
  for (const [name, child] of Object.entries(properties)) {
    const childPointer = appendPointer(pointer, "properties", name);
    setOwnProperty(converted, name, convertSchema(child, childPointer, context));
    if (isRequired(child)) {
      required.push(name);
    }
  }
  return required.length > 0 ? { properties: converted, required } : { properties: converted };
}

function convertAdditional(node: JsonRecord, pointer: string, context: ConversionContext): unknown {
  const additional = node.additionalProperties;
  if (additional === undefined || typeof additional === "boolean") {
    return additional;
  }
  return convertSchema(additional, appendPointer(pointer, "additionalProperties"), context);
}

function reportUnmappedKeys(node: JsonRecord, pointer: string, context: ConversionContext): void {
  for (const key of Object.keys(node)) {
    if (DOCUMENTATION_KEYS.has(key)) {
      context.dropDocumentation(key, appendPointer(pointer, key));
    } else if (!MAPPED_KEYS.has(key)) {
      context.report("unknown-key", appendPointer(pointer, key), `schema key \`${key}\``);
    }
  }
}

/** Tells whether a metadata schema is marked `required: true`, as properties and parameters are. */
export function isRequired(node: unknown): boolean {
  return isRecord(node) && node.required === true;
}

function setIfDefined(target: OutputSchema, key: string, value: unknown): void {
  if (value !== undefined) {
    target[key] = value;
  }
}

/**
 * Leaves out a numeric default that the schema's own bounds reject (the metadata has `-1` as a
 * "not set" marker next to `minimum: 1`), because the spec loader rejects such a schema.
 */
function dropDefaultOutOfRange(out: OutputSchema, pointer: string, context: ConversionContext) {
  const value = out.default;
  if (typeof value !== "number") {
    return;
  }
  const broken = brokenBound(out, value);
  if (broken !== undefined) {
    const message = `default ${value} breaks ${broken.keyword} ${broken.bound}`;
    context.report("default-out-of-range", appendPointer(pointer, "default"), message);
    delete out.default;
  }
}

/**
 * Converts one metadata schema (and everything below it) at `pointer`. Whatever does not map is
 * reported through `context` and left out instead of throwing.
 */
export function convertSchema(
  node: unknown,
  pointer: string,
  context: ConversionContext,
): OutputSchema {
  if (!isRecord(node)) {
    context.report(
      "schema-invalid",
      pointer,
      `the schema is ${JSON.stringify(node)}, not an object`,
    );
    return {};
  }
  reportUnmappedKeys(node, pointer, context);
  const out: OutputSchema = {};
  const type = readType(node, pointer, context);
  setIfDefined(out, "$ref", readRef(node, pointer, context));
  setIfDefined(out, "type", type);
  setIfDefined(out, "format", convertFormat(node, type, pointer, context));
  for (const key of ["title", "description"] as const) {
    if (typeof node[key] === "string" && node[key] !== "") {
      out[key] = node[key];
    }
  }
  for (const key of ["deprecated", "readOnly"] as const) {
    if (node[key] === true) {
      out[key] = true;
    }
  }
  setIfDefined(out, "enum", convertEnum(node, type, pointer, context));
  setIfDefined(out, "x-acs-enum-titles", convertEnumTitles(node, pointer, context));
  setIfDefined(out, "default", convertTyped(node, "default", type, pointer, context)?.value);
  Object.assign(out, convertBound(node, "minimum", "exclusiveMinimum", type, pointer, context));
  Object.assign(out, convertBound(node, "maximum", "exclusiveMaximum", type, pointer, context));
  for (const key of ["minLength", "maxLength"] as const) {
    setIfDefined(out, key, convertCount(node, key, pointer, context));
  }
  dropDefaultOutOfRange(out, pointer, context);
  setIfDefined(out, "pattern", convertPattern(node, pointer, context));
  for (const key of ["minItems", "maxItems"] as const) {
    setIfDefined(out, key, convertCount(node, key, pointer, context));
  }
  if (node.items !== undefined) {
    out.items = convertSchema(node.items, appendPointer(pointer, "items"), context);
  }
  Object.assign(out, convertProperties(node, pointer, context));
  setIfDefined(out, "additionalProperties", convertAdditional(node, pointer, context));
  const example = convertTyped(node, "example", type, pointer, context);
  if (example !== undefined) {
    out.examples = [example.value];
  }
  return out;
}
