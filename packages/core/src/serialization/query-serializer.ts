import type { OperationDescriptor, ParameterDescriptor } from "../operation.js";
import { flattenValue } from "./flatten.js";
import { unserializable } from "./scalar.js";

/** A request body: the exact bytes sent and hashed. */
export interface SerializedBody {
  readonly bytes: Buffer;
  readonly contentType: string;
  /** Decoded form parameters (form bodies only), which the legacy signature signs. */
  readonly formParameters?: Readonly<Record<string, string>>;
}

/** A request's parameters, placed in the locations their descriptors name. */
export interface SerializedParameters {
  /** Path with path parameters substituted and percent-encoded. */
  readonly pathname: string;
  readonly query: Record<string, string>;
  /** Header parameters, lowercase names. */
  readonly headers: Record<string, string>;
  /** Joined `host` parameters, prepended to the endpoint host with a dot. */
  readonly hostPrefix: string | undefined;
  readonly body: SerializedBody | undefined;
}

/**
 * Tells whether every parameter of an operation is a query parameter in the `repeatList` or `flat`
 * form, as in most RPC operations. Such operations use {@link serializeQuery}; the others need
 * `serializeRequest` (bodies, headers, paths, the `json`, `simple` and `xml` styles), which is
 * larger and which the client therefore imports only on first use.
 */
export function isQueryOnly(operation: OperationDescriptor): boolean {
  return operation.parameters.every(
    ({ in: location, style }) =>
      location === "query" && (!style || style === "repeatList" || style === "flat"),
  );
}

/**
 * Serializes an operation for which {@link isQueryOnly} holds. Request properties are read by wire
 * name; properties without a descriptor are ignored, and absent values send nothing.
 *
 * @throws SerializationError naming the parameter path of any value that cannot be written.
 */
export function serializeQuery(
  operation: OperationDescriptor,
  request: object,
): SerializedParameters {
  const query: Record<string, string> = Object.create(null);
  for (const parameter of operation.parameters) {
    const { name } = parameter;
    const value = (request as Readonly<Record<string, unknown>>)[name];
    checkParameterType(parameter, value);
    flattenValue(query, name, value, name);
  }
  return {
    pathname: operation.pathname,
    query,
    headers: Object.create(null),
    hostPrefix: undefined,
    body: undefined,
  };
}

/**
 * Rejects an object or list passed for a parameter whose descriptor names a scalar type, rather
 * than flattening it into parameters the service does not expect. Absent values pass.
 *
 * @throws SerializationError `UnserializableValue` naming the parameter.
 */
export function checkParameterType(parameter: ParameterDescriptor, value: unknown): void {
  const { type } = parameter;
  if (
    typeof value === "object" &&
    value !== null &&
    type !== undefined &&
    type !== "array" &&
    type !== "object"
  ) {
    throw unserializable(value, parameter.name, `a ${type} (the parameter's type)`);
  }
}
