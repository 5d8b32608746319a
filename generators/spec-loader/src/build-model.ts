/**
 * Builds the {@link SpecModel} from a merged document that passed validation.
 */
import { OPERATION_METHOD_KEYS } from "./acs-validation.js";
import { readRequest } from "./build-parameters.js";
import { compareCodeUnits, sortKeysDeep } from "./canonical-order.js";
import type { Findings } from "./findings.js";
import { encodePointer, type PathSegment } from "./json-pointer.js";
import { isJsonObject, type JsonObject } from "./json-value.js";
import type {
  ApiStyle,
  EndpointModel,
  ErrorCodeModel,
  HttpMethod,
  OperationModel,
  ResponseModel,
  SchemaObject,
  ServiceModel,
  SpecFiles,
  SpecModel,
} from "./model.js";
import { resolveRef } from "./refs.js";

const SUCCESS_STATUS = "200";

function optionalText(owner: JsonObject, key: string): { [key: string]: string } {
  const value = owner[key];
  return typeof value === "string" && value !== "" ? { [key]: value } : {};
}

function asObject(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

function followRef(document: JsonObject, value: unknown): JsonObject {
  const object = asObject(value);
  return typeof object.$ref === "string" ? asObject(resolveRef(document, object.$ref)) : object;
}

function readService(document: JsonObject): ServiceModel {
  const info = asObject(document.info);
  const endpoint = asObject(document["x-acs-endpoint"]);
  return {
    product: String(document["x-acs-product"]),
    apiVersion: String(document["x-acs-api-version"]),
    style: document["x-acs-style"] as ApiStyle,
    endpoint: {
      rule: endpoint.rule as EndpointModel["rule"],
      productId: String(endpoint.productId),
      map: asObject(endpoint.map) as Record<string, string>,
    },
    title: String(info.title ?? document["x-acs-product"]),
    ...optionalText(info, "summary"),
    ...optionalText(info, "description"),
  };
}

function readExample(media: JsonObject): { example?: unknown } {
  if (media.example !== undefined) {
    return { example: media.example };
  }
  const examples = asObject(media.examples);
  const [first] = Object.keys(examples).sort(compareCodeUnits);
  if (first === undefined) {
    return {};
  }
  const value = asObject(examples[first]).value;
  return value === undefined ? {} : { example: value };
}

function readResponse(
  document: JsonObject,
  operation: JsonObject,
  segments: PathSegment[],
): ResponseModel {
  const responseSegments = [...segments, "responses", SUCCESS_STATUS];
  const response = followRef(document, asObject(operation.responses)[SUCCESS_STATUS]);
  const content = asObject(response.content);
  const types = Object.keys(content).sort(compareCodeUnits);
  const mediaType = types.includes("application/json") ? "application/json" : types[0];
  const base = {
    status: SUCCESS_STATUS,
    ...optionalText(response, "description"),
    pointer: encodePointer(responseSegments),
  };
  if (mediaType === undefined) {
    return base;
  }
  const media = asObject(content[mediaType]);
  return {
    ...base,
    mediaType,
    ...(isJsonObject(media.schema) ? { schema: media.schema as SchemaObject } : {}),
    ...readExample(media),
  };
}

function readErrorCodes(operation: JsonObject): ErrorCodeModel[] {
  const declared = Array.isArray(operation["x-acs-error-codes"])
    ? operation["x-acs-error-codes"]
    : [];
  return declared
    .filter(isJsonObject)
    .map((entry) => ({
      httpStatus: Number(entry.httpStatus),
      code: String(entry.code),
      ...optionalText(entry, "message"),
    }))
    .sort(
      (left, right) =>
        left.httpStatus - right.httpStatus || compareCodeUnits(left.code, right.code),
    );
}

function readOperation(
  document: JsonObject,
  service: ServiceModel,
  pathKey: string,
  methodKey: string,
  findings: Findings,
): OperationModel {
  const segments = ["paths", pathKey, methodKey];
  const operation = asObject(asObject(asObject(document.paths)[pathKey])[methodKey]);
  const method = methodKey.toUpperCase() as HttpMethod;
  const methods = Array.isArray(operation["x-acs-methods"])
    ? (operation["x-acs-methods"] as HttpMethod[])
    : [method];
  const request = readRequest(document, operation, segments, findings);
  return {
    name: String(operation.operationId),
    action: String(operation["x-acs-action"]),
    method,
    methods,
    pathname: String(operation["x-acs-pathname"]),
    pathKey,
    style: (operation["x-acs-style"] as ApiStyle | undefined) ?? service.style,
    operationType: operation["x-acs-operation-type"] as OperationModel["operationType"],
    deprecated: operation.deprecated === true,
    replacements: Array.isArray(operation["x-acs-replacements"])
      ? operation["x-acs-replacements"].filter((item) => typeof item === "string")
      : [],
    ...optionalText(operation, "summary"),
    ...optionalText(operation, "description"),
    parameters: request.parameters,
    ...(request.requestBody === undefined ? {} : { requestBody: request.requestBody }),
    response: readResponse(document, operation, segments),
    errorCodes: readErrorCodes(operation),
    pointer: encodePointer(segments),
  };
}

/**
 * Builds the model of a validated document. Problems that only show while reading requests
 * (duplicate wire names, unsupported body types) go to `findings`.
 */
export function buildSpecModel(
  merged: JsonObject,
  files: SpecFiles,
  findings: Findings,
): SpecModel {
  const document = sortKeysDeep(merged);
  const service = readService(document);
  const operations: OperationModel[] = [];
  for (const [pathKey, pathItem] of Object.entries(asObject(document.paths))) {
    for (const methodKey of OPERATION_METHOD_KEYS) {
      if (isJsonObject(asObject(pathItem)[methodKey])) {
        operations.push(readOperation(document, service, pathKey, methodKey, findings));
      }
    }
  }
  operations.sort((left, right) => compareCodeUnits(left.name, right.name));
  return {
    service,
    operations,
    schemas: asObject(asObject(document.components).schemas) as Record<string, SchemaObject>,
    document,
    files,
  };
}
