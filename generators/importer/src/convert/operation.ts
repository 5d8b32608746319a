/**
 * Converts one metadata operation to an OpenAPI operation with its `x-acs-*` extensions, and
 * decides the path key and method it is filed under.
 */
import { appendPointer } from "../json/json-pointer.js";
import { asRecord, type MetadataApi } from "../metadata/api-docs.js";
import type { SecuritySchemeName } from "./acs-components.js";
import type { ConversionContext } from "./context.js";
import { describeOperation } from "./operation-text.js";
import { convertParameters, FORM_MEDIA_TYPE, JSON_MEDIA_TYPE } from "./parameters.js";
import { convertErrorCodes, convertResponses, type SchemaComponents } from "./responses.js";
import { normalizeRoaPath } from "./roa-path.js";

/** Request styles that the specs describe. */
export type AcsStyle = "RPC" | "ROA";

/** An operation ready to be filed under `paths`. */
export interface ConvertedOperation {
  /** Path key: `/?Action=<Name>` for RPC, the path template for ROA. */
  readonly pathKey: string;
  /** Lower-case method key (`post`). */
  readonly method: string;
  readonly operation: Record<string, unknown>;
}

/** The document-level state an operation is converted with. */
export interface OperationScope {
  readonly style: AcsStyle;
  readonly context: ConversionContext;
  readonly components: SchemaComponents;
  readonly directoryTags: ReadonlyMap<string, readonly string[]>;
  /** Collects the security schemes operations use besides AK. */
  readonly securitySchemes: Set<SecuritySchemeName>;
}

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const RUNTIME_METHODS = new Set(["get", "put", "post", "delete", "patch", "head"]);
const OPERATION_KEYS = new Set([
  "methods",
  "schemes",
  "security",
  "operationType",
  "systemTags",
  "parameters",
  "responses",
  "responseDemo",
  "title",
  "summary",
  "description",
  "requestParamsDescription",
  "responseParamsDescription",
  "extraInfo",
  "deprecated",
  "errorCodes",
  "path",
  "staticInfo",
  "produces",
  "consumes",
  "tags",
]);
const READ_KINDS = new Set(["get", "list"]);
const WRITE_KINDS = new Set(["create", "update", "delete", "none"]);

function readMethods(
  api: MetadataApi,
  pointer: string,
  style: AcsStyle,
  context: ConversionContext,
) {
  const at = appendPointer(pointer, "methods");
  const listed = Array.isArray(api.methods) ? (api.methods as unknown[]) : [];
  const methods: string[] = [];
  for (const entry of listed) {
    const method = typeof entry === "string" ? entry.toLowerCase() : "";
    if (HTTP_METHODS.has(method)) {
      methods.push(method);
    } else {
      context.report("method-unsupported", at, `method ${JSON.stringify(entry)}`);
    }
  }
  if (methods.length === 0) {
    const fallback = style === "RPC" ? "post" : "get";
    context.report(
      "method-missing",
      at,
      `no HTTP method is listed; ${fallback.toUpperCase()} is used`,
    );
    return { method: fallback, methods: [fallback] };
  }
  // RPC gateways accept both GET and POST for most actions; POST keeps parameters out of URLs.
  const method = style === "RPC" && methods.includes("post") ? "post" : (methods[0] as string);
  if (!RUNTIME_METHODS.has(method)) {
    context.report(
      "method-unsupported",
      at,
      `method ${method.toUpperCase()} cannot be sent by the runtime`,
    );
  }
  return { method, methods };
}

function readOperationType(
  api: MetadataApi,
  pointer: string,
  context: ConversionContext,
): "read" | "write" {
  const type = api.operationType;
  if (type === "read") {
    return "read";
  }
  if (type === "write" || type === "readAndWrite") {
    return "write";
  }
  const kind = asRecord(api.systemTags)?.operationType;
  if (typeof kind === "string" && READ_KINDS.has(kind)) {
    return "read";
  }
  if (typeof kind === "string" && WRITE_KINDS.has(kind)) {
    return "write";
  }
  const message = `operationType ${JSON.stringify(type)} gives no read/write kind; write is used`;
  context.report("operation-type-defaulted", appendPointer(pointer, "operationType"), message);
  return "write";
}

function convertSecurity(
  api: MetadataApi,
  pointer: string,
  scope: OperationScope,
): unknown[] | undefined {
  const raw = api.security;
  if (raw === undefined) {
    return undefined;
  }
  const at = appendPointer(pointer, "security");
  const requirements: Record<string, string[]>[] = [];
  for (const [index, requirement] of (Array.isArray(raw) ? raw : [raw]).entries()) {
    const names =
      requirement !== null && typeof requirement === "object" ? Object.keys(requirement) : [];
    for (const name of names) {
      if (name === "AK" || name === "BearerToken") {
        requirements.push({ [name]: [] });
        scope.securitySchemes.add(name);
      } else if (name === "Anonymous") {
        requirements.push({});
      } else {
        scope.context.report(
          "security-unsupported",
          appendPointer(at, index),
          `security scheme ${name}`,
        );
      }
    }
  }
  const onlyAk = requirements.length === 1 && Object.keys(requirements[0] ?? {}).join() === "AK";
  return onlyAk || requirements.length === 0 ? undefined : requirements;
}

function checkMediaTypes(api: MetadataApi, pointer: string, context: ConversionContext): void {
  const positions = new Set(api.parameters.map((parameter) => parameter.in));
  const check = (key: "consumes" | "produces", expected: string, applies: boolean) => {
    const listed = Array.isArray(api[key]) ? (api[key] as unknown[]).map(String) : [];
    if (applies && listed.length > 0 && !listed.includes(expected) && !listed.includes("*/*")) {
      const message = `${key} lists ${listed.join(", ")}; the spec describes ${expected}`;
      context.report("media-type-unsupported", appendPointer(pointer, key), message);
    }
  };
  check("consumes", FORM_MEDIA_TYPE, positions.has("formData"));
  check("consumes", JSON_MEDIA_TYPE, positions.has("body"));
  check("produces", JSON_MEDIA_TYPE, true);
}

function reportOperationKeys(api: MetadataApi, pointer: string, context: ConversionContext): void {
  for (const key of Object.keys(api)) {
    if (!OPERATION_KEYS.has(key)) {
      context.report("unknown-key", appendPointer(pointer, key), `operation key \`${key}\``);
    }
  }
  if (api.schemes !== undefined) {
    context.dropDocumentation("schemes", appendPointer(pointer, "schemes"));
  }
  const systemTags = asRecord(api.systemTags);
  if (systemTags !== undefined) {
    for (const key of Object.keys(systemTags).filter((tag) => tag !== "operationType")) {
      context.dropDocumentation(`systemTags.${key}`, appendPointer(pointer, "systemTags", key));
    }
  }
}

/** Decides where the operation is filed: path key, wire path and style override. */
function placeOperation(name: string, api: MetadataApi, pointer: string, scope: OperationScope) {
  const path = typeof api.path === "string" && api.path !== "" ? api.path : undefined;
  if (scope.style === "RPC") {
    if (path !== undefined && path !== "/") {
      scope.context.report("rpc-path-ignored", appendPointer(pointer, "path"), `path ${path}`);
    }
    return { pathKey: `/?Action=${name}`, pathname: "/", style: undefined };
  }
  if (path === undefined) {
    // An ROA product may still list an action without a path; it can only be sent RPC-style.
    return { pathKey: `/?Action=${name}`, pathname: "/", style: "RPC" as const };
  }
  const pathParameters = api.parameters
    .filter((parameter) => parameter.in === "path")
    .map((parameter) => parameter.name);
  const template = normalizeRoaPath(path, pathParameters, pointer, scope.context);
  return { pathKey: template, pathname: template, style: undefined };
}

/** Converts the operation `name`; diagnostics name it and point into `/apis/<name>`. */
export function convertOperation(
  name: string,
  api: MetadataApi,
  scope: OperationScope,
): ConvertedOperation {
  const { context } = scope;
  context.operation = name;
  const pointer = appendPointer("/apis", name);
  reportOperationKeys(api, pointer, context);
  checkMediaTypes(api, pointer, context);
  const place = placeOperation(name, api, pointer, scope);
  const { method, methods } = readMethods(api, pointer, place.style ?? scope.style, context);
  const request = convertParameters(api, pointer, context);
  const security = convertSecurity(api, pointer, scope);
  const errorCodes = convertErrorCodes(api, pointer, context);
  const operation: Record<string, unknown> = {
    operationId: name,
    ...describeOperation(api, pointer, scope.directoryTags.get(name) ?? [], context),
    "x-acs-action": name,
    "x-acs-method": method.toUpperCase(),
    ...(methods.length > 1
      ? { "x-acs-methods": methods.map((entry) => entry.toUpperCase()).sort() }
      : {}),
    "x-acs-pathname": place.pathname,
    ...(place.style === undefined ? {} : { "x-acs-style": place.style }),
    "x-acs-operation-type": readOperationType(api, pointer, context),
    ...(security === undefined ? {} : { security }),
    parameters: request.parameters,
    ...(request.requestBody === undefined ? {} : { requestBody: request.requestBody }),
    responses: convertResponses(api, name, pointer, context, scope.components),
    ...(errorCodes === undefined ? {} : { "x-acs-error-codes": errorCodes }),
  };
  context.operation = undefined;
  return { pathKey: place.pathKey, method, operation };
}
