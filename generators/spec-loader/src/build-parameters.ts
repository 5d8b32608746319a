/**
 * Turns an operation's `parameters[]` and request body into one flat list of request parameters,
 * following the position mapping of specs/README.md.
 */
import { compareCodeUnits } from "./canonical-order.js";
import type { Findings } from "./findings.js";
import { decodePointer, encodePointer, type PathSegment } from "./json-pointer.js";
import { isJsonObject, type JsonObject } from "./json-value.js";
import type {
  ParameterLocation,
  ParameterModel,
  ParameterStyle,
  RequestBodyModel,
  SchemaObject,
} from "./model.js";
import { resolveRef, resolveSchema } from "./refs.js";

const PARAMETER_STYLES: readonly ParameterStyle[] = ["repeatList", "flat", "json", "simple", "xml"];

/**
 * Request body media types in order of preference. The first one an operation declares decides
 * how its body parameters travel.
 */
const BODY_MEDIA_TYPES: readonly RequestBodyModel["mediaType"][] = [
  "application/json",
  "application/x-www-form-urlencoded",
  "application/octet-stream",
];

/** Request property name of a whole body when the spec names none. */
const DEFAULT_BODY_NAME = "body";

/** An operation's request parameters and how its body is encoded. */
export interface RequestModel {
  readonly parameters: ParameterModel[];
  readonly requestBody?: RequestBodyModel;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function readStyle(
  owner: JsonObject,
  segments: PathSegment[],
  findings: Findings,
): ParameterStyle | undefined {
  const style = owner["x-acs-style"];
  if (style === undefined) {
    return undefined;
  }
  if (typeof style === "string" && (PARAMETER_STYLES as readonly string[]).includes(style)) {
    return style as ParameterStyle;
  }
  findings.add("extension-invalid", [...segments, "x-acs-style"], {
    extension: "x-acs-style",
    found: JSON.stringify(style),
    expected: `it must be one of ${PARAMETER_STYLES.join(", ")}`,
  });
  return undefined;
}

function createParameter(
  fields: Omit<ParameterModel, "style" | "description" | "pointer">,
  declaration: JsonObject,
  segments: PathSegment[],
  findings: Findings,
): ParameterModel {
  const style = readStyle(declaration, segments, findings);
  const description = optionalText(declaration.description);
  return {
    ...fields,
    ...(style === undefined ? {} : { style }),
    ...(description === undefined ? {} : { description }),
    pointer: encodePointer(segments),
  };
}

function readDeclaredParameter(
  document: JsonObject,
  entry: unknown,
  segments: PathSegment[],
  findings: Findings,
): ParameterModel | undefined {
  const declaration =
    isJsonObject(entry) && typeof entry.$ref === "string"
      ? resolveRef(document, entry.$ref)
      : entry;
  if (!isJsonObject(declaration) || !isJsonObject(declaration.schema)) {
    return undefined;
  }
  const name = String(declaration.name);
  let location: ParameterLocation;
  if (declaration.in === "header" && declaration["x-acs-in"] === "host") {
    location = "host";
  } else if (
    declaration.in === "query" ||
    declaration.in === "path" ||
    declaration.in === "header"
  ) {
    location = declaration.in;
  } else {
    findings.add("parameter-location-unsupported", segments, {
      name,
      location: String(declaration.in),
    });
    return undefined;
  }
  return createParameter(
    {
      name,
      in: location,
      wholeBody: false,
      required: declaration.required === true,
      deprecated: declaration.deprecated === true,
      schema: declaration.schema as SchemaObject,
    },
    declaration,
    segments,
    findings,
  );
}

function readBodyProperties(
  document: JsonObject,
  schema: SchemaObject,
  location: "body" | "formData",
  segments: PathSegment[],
  findings: Findings,
): ParameterModel[] {
  const resolved = resolveSchema({ document }, schema);
  const required = new Set(resolved.required ?? []);
  const properties = resolved.properties ?? {};
  // A property declared through `$ref` is located at the referenced schema.
  const owner = schema.$ref === undefined ? segments : decodePointer(schema.$ref);
  return Object.keys(properties)
    .sort(compareCodeUnits)
    .map((name) => {
      const property = properties[name] as SchemaObject;
      return createParameter(
        {
          name,
          in: location,
          wholeBody: false,
          required: required.has(name),
          deprecated: property.deprecated === true,
          schema: property,
        },
        property,
        [...owner, "properties", name],
        findings,
      );
    });
}

function readRequestBody(
  document: JsonObject,
  operation: JsonObject,
  segments: PathSegment[],
  findings: Findings,
): RequestModel {
  const entry = operation.requestBody;
  const body =
    isJsonObject(entry) && typeof entry.$ref === "string"
      ? resolveRef(document, entry.$ref)
      : entry;
  if (!isJsonObject(body) || !isJsonObject(body.content)) {
    return { parameters: [] };
  }
  const bodySegments = [...segments, "requestBody"];
  const content = body.content;
  const mediaType = BODY_MEDIA_TYPES.find((type) => isJsonObject(content[type]));
  if (mediaType === undefined) {
    const [declared = "(none)"] = Object.keys(content);
    findings.add("request-body-unsupported", [...bodySegments, "content", declared], {
      mediaType: declared,
    });
    return { parameters: [] };
  }
  const required = body.required === true;
  const description = optionalText(body.description);
  const requestBody: RequestBodyModel = {
    mediaType,
    required,
    ...(description === undefined ? {} : { description }),
    pointer: encodePointer(bodySegments),
  };
  const schemaSegments = [...bodySegments, "content", mediaType, "schema"];
  const schema = ((content[mediaType] as JsonObject).schema ?? {}) as SchemaObject;
  const bodyName = optionalText(body["x-acs-body-name"]);
  const resolved = resolveSchema({ document }, schema);
  const isPropertyBag = resolved.properties !== undefined && resolved.type !== "array";
  if (mediaType === "application/x-www-form-urlencoded") {
    const parameters = readBodyProperties(document, schema, "formData", schemaSegments, findings);
    return { parameters, requestBody };
  }
  if (mediaType === "application/json" && bodyName === undefined && isPropertyBag) {
    const parameters = readBodyProperties(document, schema, "body", schemaSegments, findings);
    return { parameters, requestBody };
  }
  const wholeBody = createParameter(
    {
      name: bodyName ?? DEFAULT_BODY_NAME,
      in: "body",
      wholeBody: true,
      required,
      deprecated: false,
      schema,
    },
    body,
    bodySegments,
    findings,
  );
  return { parameters: [wholeBody], requestBody };
}

/**
 * Reads every request parameter of an operation, sorted by wire name. A wire name declared twice
 * is reported once per repetition.
 */
export function readRequest(
  document: JsonObject,
  operation: JsonObject,
  segments: PathSegment[],
  findings: Findings,
): RequestModel {
  const declared = Array.isArray(operation.parameters) ? operation.parameters : [];
  const parameters = declared.flatMap((entry: unknown, index) => {
    const parameter = readDeclaredParameter(
      document,
      entry,
      [...segments, "parameters", index],
      findings,
    );
    return parameter === undefined ? [] : [parameter];
  });
  const body = readRequestBody(document, operation, segments, findings);
  const seen = new Map<string, ParameterModel>();
  for (const parameter of [...parameters, ...body.parameters]) {
    const other = seen.get(parameter.name);
    if (other === undefined) {
      seen.set(parameter.name, parameter);
    } else {
      findings.add("parameter-duplicate", decodePointer(parameter.pointer), {
        name: parameter.name,
        other: other.pointer,
      });
    }
  }
  const sorted = [...seen.values()].sort((left, right) => compareCodeUnits(left.name, right.name));
  return body.requestBody === undefined
    ? { parameters: sorted }
    : { parameters: sorted, requestBody: body.requestBody };
}
