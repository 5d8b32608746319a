/**
 * The full request serializer: every parameter location and style. The client loads it only for
 * operations that need more than `serializeQuery` in query-serializer.ts.
 */

import { SerializationError } from "../errors/serialization-error.js";
import type { OperationDescriptor, ParameterDescriptor } from "../operation.js";
import { encodeSortedParameters, percentEncode } from "../percent-encode.js";
import { addHeader } from "./headers.js";
import { stringifyJson } from "./lossless-json.js";
import { flattenParameter } from "./parameter-style.js";
import {
  checkParameterType,
  type SerializedBody,
  type SerializedParameters,
} from "./query-serializer.js";
import { formatScalar, unserializable } from "./scalar.js";

/** Content type of form bodies. */
export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
/** Content type of JSON bodies, as the official runtime sends it. */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

const HOST_LABELS =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const PATH_TEMPLATE_VARIABLE = /\{([^}]*)\}/;

/**
 * Places each request value by its {@link ParameterDescriptor}. Request properties are read by
 * wire name; properties without a descriptor are ignored.
 *
 * @throws SerializationError naming the parameter path of any value that cannot be written.
 */
export function serializeRequest(
  operation: OperationDescriptor,
  request: object,
): SerializedParameters {
  const values = request as Readonly<Record<string, unknown>>;
  const query: Record<string, string> = Object.create(null);
  const headers: Record<string, string> = Object.create(null);
  let pathname = operation.pathname;
  let hostPrefix: string | undefined;
  let form: Record<string, string> | undefined;
  let json: Record<string, unknown> | undefined;
  let wholeBody: { value: unknown; name: string } | undefined;

  for (const parameter of operation.parameters) {
    const value = values[parameter.name];
    if (value === undefined || value === null) {
      continue;
    }
    checkParameterType(parameter, value);
    switch (parameter.in) {
      case "query":
        flattenParameter(query, parameter.name, value, parameter.style);
        break;
      case "formData":
        form ??= Object.create(null) as Record<string, string>;
        flattenParameter(form, parameter.name, value, parameter.style);
        break;
      case "body":
        if (parameter.wholeBody) {
          wholeBody = { value, name: parameter.name };
        } else {
          json ??= {};
          json[parameter.name] = value;
        }
        break;
      case "header":
        addHeader(headers, parameter.name, formatSingleValue(parameter, value));
        break;
      case "path":
        pathname = pathname.replace(
          `{${parameter.name}}`,
          percentEncode(formatSingleValue(parameter, value), parameter.name),
        );
        break;
      case "host":
        hostPrefix = joinHostPrefix(hostPrefix, parameter, value);
        break;
    }
  }

  const unfilled = PATH_TEMPLATE_VARIABLE.exec(pathname);
  if (unfilled !== null) {
    throw new SerializationError(
      "UnserializableValue",
      `Path parameter ${unfilled[1]} of ${operation.action} is missing; ${operation.pathname} needs a value for it.`,
      unfilled[1],
    );
  }
  return {
    pathname,
    query,
    headers,
    hostPrefix,
    body: serializeBody(operation, form, json, wholeBody),
  };
}

function serializeBody(
  operation: OperationDescriptor,
  form: Record<string, string> | undefined,
  json: Record<string, unknown> | undefined,
  wholeBody: { value: unknown; name: string } | undefined,
): SerializedBody | undefined {
  const hasJson = json !== undefined || wholeBody !== undefined;
  if (form !== undefined && hasJson) {
    throw new SerializationError(
      "InvalidOperationDescriptor",
      `${operation.action} has values for both formData and body parameters, but a request has one body; regenerate the client from a spec that uses one body kind.`,
    );
  }
  if (form !== undefined) {
    return {
      bytes: Buffer.from(encodeSortedParameters(form)),
      contentType: FORM_CONTENT_TYPE,
      formParameters: form,
    };
  }
  if (wholeBody !== undefined) {
    if (json !== undefined) {
      throw new SerializationError(
        "InvalidOperationDescriptor",
        `${operation.action} has a whole-body parameter ${wholeBody.name} and other body parameters; a whole-body parameter must be the only one.`,
      );
    }
    return {
      bytes: Buffer.from(stringifyJson(wholeBody.value, wholeBody.name)),
      contentType: JSON_CONTENT_TYPE,
    };
  }
  if (json !== undefined) {
    return { bytes: Buffer.from(stringifyJson(json, "")), contentType: JSON_CONTENT_TYPE };
  }
  return undefined;
}

/** Formats a header or path value: a scalar, or text built by the `json` or `simple` style. */
function formatSingleValue(parameter: ParameterDescriptor, value: unknown): string {
  if (parameter.style === "json" || parameter.style === "simple" || parameter.style === "xml") {
    const out: Record<string, string> = Object.create(null);
    flattenParameter(out, parameter.name, value, parameter.style);
    return out[parameter.name] ?? "";
  }
  if (typeof value === "object") {
    throw unserializable(
      value,
      parameter.name,
      `a scalar (a ${parameter.in} parameter without style "json" or "simple")`,
    );
  }
  return formatScalar(value, parameter.name);
}

function joinHostPrefix(
  prefix: string | undefined,
  parameter: ParameterDescriptor,
  value: unknown,
): string {
  const label = formatSingleValue(parameter, value);
  if (!HOST_LABELS.test(label)) {
    throw new SerializationError(
      "UnserializableValue",
      `Parameter ${parameter.name} becomes part of the host name, but ${JSON.stringify(label)} is not a valid host label; use letters, digits and inner hyphens.`,
      parameter.name,
    );
  }
  return prefix === undefined ? label : `${prefix}.${label}`;
}
