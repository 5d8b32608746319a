import type { ResponseMetadata, WithMetadata } from "./config.js";
import type { TransportResponse } from "./http/http-transport.js";
import { parseJson } from "./serialization/lossless-json.js";

/** Tells whether an HTTP status is 2xx, the only statuses whose body is a result. */
export function isSuccessStatus(status: number): boolean {
  return status > 199 && status < 300;
}

/**
 * Parses a 2xx response body with the lossless JSON rule (integers beyond ±(2^53 − 1) become
 * `bigint`) and attaches the non-enumerable `$metadata`. An empty body gives `{}`. Returns
 * `undefined` when the body is not a JSON object, a whitespace-only body included. The client
 * then loads `invalidBodyError` (call-failure.ts) to report it.
 */
export function parseSuccessResponse<T>(
  response: TransportResponse,
  attempts: number,
): WithMetadata<T> | undefined {
  const text = response.body.toString();
  let body: unknown = {};
  try {
    if (text !== "") {
      body = parseJson(text);
    }
  } catch {
    return undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return undefined;
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
