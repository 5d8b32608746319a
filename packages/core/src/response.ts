import type { ResponseMetadata, WithMetadata } from "./config.js";
import { SerializationError } from "./errors.js";
import type { TransportResponse } from "./http/http-transport.js";
import { parseJson } from "./serialization/lossless-json.js";

/**
 * Parses a 2xx response body with the lossless JSON rule (integers beyond ±(2^53 − 1) become
 * `bigint`) and attaches the non-enumerable `$metadata`. An empty body gives `{}`; a
 * whitespace-only body is invalid JSON.
 *
 * @throws SerializationError `InvalidResponseBody` when the body is not a JSON object.
 */
export function parseSuccessResponse<T>(
  action: string,
  response: TransportResponse,
  attempts: number,
): WithMetadata<T> {
  const text = response.body.toString();
  let body: unknown = {};
  let cause: unknown;
  try {
    if (text !== "") {
      body = parseJson(text);
    }
  } catch (error) {
    cause = error;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body) || cause) {
    throw new SerializationError(
      "InvalidResponseBody",
      `${action} returned HTTP ${response.status}, but the body is not a JSON object: ${JSON.stringify(excerptOf(text))}.`,
      undefined,
      { cause },
    );
  }
  const record = body as Record<string, unknown>;
  const metadata: ResponseMetadata = {
    httpStatus: response.status,
    requestId: readRequestId(response, record),
    attempts,
    headers: response.headers,
  };
  Object.defineProperty(record, "$metadata", { value: metadata });
  return record as WithMetadata<T>;
}

/** Reads the request ID from the `x-acs-request-id` header, else from the body's `RequestId`. */
export function readRequestId(
  response: TransportResponse,
  body: Record<string, unknown>,
): string | undefined {
  const fromBody = body.RequestId ?? body.requestId;
  return (
    response.headers["x-acs-request-id"] ?? (typeof fromBody === "string" ? fromBody : undefined)
  );
}

const EXCERPT_LENGTH = 200;

/** Collapses whitespace and cuts a body to 200 characters for an error message. */
export function excerptOf(text: string): string {
  const collapsed = text.replace(/\s+/g, " ").trim();
  return collapsed.length > EXCERPT_LENGTH ? `${collapsed.slice(0, EXCERPT_LENGTH)}…` : collapsed;
}
