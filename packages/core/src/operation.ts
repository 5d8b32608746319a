/**
 * Descriptors that generated clients hand to the runtime. They carry everything the wire protocol
 * needs about a product and an operation, so that the runtime never reads a spec at run time.
 */

import type { SerializedParameters } from "./serialization/query-serializer.js";

/** Location of a request parameter on the wire; `host` values become part of the host name. */
export type ParameterLocation = "query" | "path" | "header" | "host" | "formData" | "body";

/** Flattening style of a structured value on the wire; specs/README.md shows each form. */
export type ParameterStyle = "repeatList" | "flat" | "json" | "simple" | "xml";

/** One request parameter of an operation, keyed by its wire name. */
export interface ParameterDescriptor {
  /** Wire name, exactly as the API spells it (`CrossAccountUserId`). */
  readonly name: string;
  readonly in: ParameterLocation;
  /** Flattening style for lists and objects; lists default to `repeatList`. */
  readonly style?: ParameterStyle;
  /**
   * For `in: "body"` only: the value is the whole JSON body rather than one property of it.
   */
  readonly wholeBody?: boolean;
  /**
   * JSON Schema type of the parameter. When it is a scalar type (`string`, `number`, `integer`,
   * `boolean`), an object or list value is a `SerializationError` instead of being flattened.
   */
  readonly type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
}

/** Issue found by a generated validator. Structurally identical to the validators' own type. */
export interface ValidationIssue {
  /** Parameter path in the request, such as `Alias` or `Filters[0].Key`. */
  readonly path: string;
  /** The violated constraint keyword: `type`, `enum`, `maxLength`, `required`, … */
  readonly constraint: string;
  /** One sentence naming the parameter, the constraint and the accepted values. */
  readonly message: string;
}

/** Checks a request before it is sent and returns every problem it finds. */
export type RequestValidator = (request: unknown) => ValidationIssue[];

/** Everything the runtime needs to send one operation. */
export interface OperationDescriptor {
  /** API name sent in `x-acs-action` (`AddCrossAccount`). */
  readonly action: string;
  readonly method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";
  /** Wire path: `/` for RPC, the path template (`/clusters/{ClusterId}`) for ROA. */
  readonly pathname: string;
  readonly style: "RPC" | "ROA";
  /** True for operations that change nothing; the retry policy may resend them after a timeout. */
  readonly readOnly: boolean;
  readonly parameters: readonly ParameterDescriptor[];
  /** Runs before signing; a non-empty result stops the call with a `ValidationError`. */
  readonly validate?: RequestValidator;
  /**
   * Serializer for an operation that has parameters outside the query, or query parameters in
   * the `json`, `simple` or `xml` style. Generated code sets it to `serializeRequest` (exported by
   * `@acs-sdk/core`) for every operation but query-only RPC ones, so that only applications with
   * such operations bundle the full serializer. Required for those operations: without it the
   * call fails with a `ConfigurationError`. Query-only operations leave it unset and use the
   * small query serializer.
   */
  readonly serialize?: RequestSerializer;
}

/** Places a request's values in the wire locations its operation's parameters name. */
export type RequestSerializer = (
  operation: OperationDescriptor,
  request: object,
) => SerializedParameters;

/** Endpoint rule of a product, from the spec's `x-acs-endpoint`. */
export interface EndpointRule {
  readonly rule: "regional" | "central";
  /** Host-name prefix (`hbr`). */
  readonly productId: string;
  /** Region IDs whose host differs from the rule. */
  readonly map: Readonly<Record<string, string>>;
}

/** Product-level facts shared by every operation of one API version. */
export interface ServiceDescriptor {
  /** Product code (`hbr`). */
  readonly product: string;
  /** API version sent in `x-acs-version` (`2017-09-08`). */
  readonly apiVersion: string;
  readonly endpoint: EndpointRule;
}
