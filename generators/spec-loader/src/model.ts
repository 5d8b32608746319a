/**
 * The normalized model (IR) of one product API version that generators, the mock server and the
 * importer consume. Built from the merged, validated document by `loadSpec`. Every list is sorted
 * and every object has its keys in code-unit order, so the model is the same whatever the key order
 * of the input. Schemas keep their `$ref`s; {@link resolveSchema} follows them.
 */

/** A JSON Schema object as OpenAPI 3.1 writes it; `$ref`s are kept, not inlined. */
export interface SchemaObject {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly description?: string;
  readonly title?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: SchemaObject;
  readonly properties?: Readonly<Record<string, SchemaObject>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | SchemaObject;
  readonly oneOf?: readonly SchemaObject[];
  readonly anyOf?: readonly SchemaObject[];
  readonly allOf?: readonly SchemaObject[];
  readonly deprecated?: boolean;
  readonly examples?: readonly unknown[];
  readonly "x-acs-style"?: string;
  readonly [keyword: string]: unknown;
}

/** Request style: RPC (one path, action in a header) or ROA (RESTful path per operation). */
export type ApiStyle = "RPC" | "ROA";

/** Location of a request parameter, with the same values as the runtime's `ParameterLocation`. */
export type ParameterLocation = "query" | "path" | "header" | "host" | "formData" | "body";

/** Flattening style of a structured value, with the same values as the runtime's `ParameterStyle`. */
export type ParameterStyle = "repeatList" | "flat" | "json" | "simple" | "xml";

/** Upper-case HTTP method of an operation. */
export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";

/** `x-acs-endpoint`: how a region becomes a host name. Same shape as the runtime's rule. */
export interface EndpointModel {
  readonly rule: "regional" | "central";
  readonly productId: string;
  readonly map: Readonly<Record<string, string>>;
}

/** One request parameter, from `parameters[]` or from a request body property. */
export interface ParameterModel {
  /** Wire name, exactly as the API spells it. Generated code keys requests by it. */
  readonly name: string;
  readonly in: ParameterLocation;
  /** `x-acs-style`, when the spec sets one; the runtime defaults lists to `repeatList`. */
  readonly style?: ParameterStyle;
  /** For `in: "body"`: the value is the whole request body, not one property of it. */
  readonly wholeBody: boolean;
  readonly required: boolean;
  readonly deprecated: boolean;
  readonly description?: string;
  readonly schema: SchemaObject;
  /** JSON pointer of the declaration in the merged document. */
  readonly pointer: string;
}

/** Encoding of an operation's request body. */
export interface RequestBodyModel {
  readonly mediaType:
    | "application/json"
    | "application/x-www-form-urlencoded"
    | "application/octet-stream";
  readonly required: boolean;
  readonly description?: string;
  readonly pointer: string;
}

/** The success (`200`) response. */
export interface ResponseModel {
  readonly status: string;
  readonly description?: string;
  /** Media type of the body; absent when the response has no body. */
  readonly mediaType?: string;
  readonly schema?: SchemaObject;
  /**
   * The documented example body, which the mock server returns. Integers beyond 2^53 in it are
   * `bigint`, so that they keep every digit.
   */
  readonly example?: unknown;
  readonly pointer: string;
}

/** A documented error of an operation (`x-acs-error-codes`). */
export interface ErrorCodeModel {
  readonly httpStatus: number;
  readonly code: string;
  readonly message?: string;
}

/** One API operation. */
export interface OperationModel {
  /** The API name (`operationId`), unchanged: `AddCrossAccount`. */
  readonly name: string;
  /** Value of the `x-acs-action` header. */
  readonly action: string;
  readonly method: HttpMethod;
  /** Every method the gateway accepts (`x-acs-methods`), defaulting to `[method]`. */
  readonly methods: readonly HttpMethod[];
  /** Wire path: `/` for RPC, the path template for ROA. */
  readonly pathname: string;
  /** The key of the operation under `paths` (`/?Action=AddCrossAccount`). */
  readonly pathKey: string;
  readonly style: ApiStyle;
  readonly operationType: "read" | "write";
  readonly deprecated: boolean;
  /** Operations that replace this one (`x-acs-replacements`, as `Product::Version::Name`). */
  readonly replacements: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  /** Parameters sorted by wire name, body properties included. */
  readonly parameters: readonly ParameterModel[];
  readonly requestBody?: RequestBodyModel;
  readonly response: ResponseModel;
  readonly errorCodes: readonly ErrorCodeModel[];
  /** JSON pointer of the operation object in the merged document. */
  readonly pointer: string;
}

/** The files a model was loaded from. */
export interface SpecFiles {
  /** The spec directory as given to `loadSpec`. */
  readonly dir: string;
  readonly base: string;
  /** Overlay files in the order they were applied. */
  readonly overlays: readonly string[];
}

/** Product-level facts of one API version. */
export interface ServiceModel {
  /** Product code, lowercase (`hbr`). */
  readonly product: string;
  readonly apiVersion: string;
  readonly style: ApiStyle;
  readonly endpoint: EndpointModel;
  readonly title: string;
  readonly summary?: string;
  readonly description?: string;
}

/** One loaded product API version: what every consumer of a spec works from. */
export interface SpecModel {
  readonly service: ServiceModel;
  /** Operations sorted by name. */
  readonly operations: readonly OperationModel[];
  /** `components.schemas`, keyed by schema name. */
  readonly schemas: Readonly<Record<string, SchemaObject>>;
  /** The merged document (overlays applied, keys sorted), for tools that read OpenAPI. */
  readonly document: Readonly<Record<string, unknown>>;
  readonly files: SpecFiles;
}
