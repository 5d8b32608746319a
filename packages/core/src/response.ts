import type { ResponseMetadata, WithMetadata } from "./config.js";
import type { TransportResponse } from "./http/http-transport.js";

// Any unsafe integer has at least 16 digits, so a body without such a run is safe for JSON.parse
// and the lossless parser is loaded only for bodies that may need it.
const SIXTEEN_DIGITS = /\d{16}/;

/**
 * Parses a 2xx response body and attaches the non-enumerable `$metadata`. An empty body gives `{}`;
 * a whitespace-only body is invalid JSON.
 *
 * @throws SerializationError `InvalidResponseBody` when the body is not a JSON object.
 */
export async function parseSuccessResponse<T>(
  action: string,
  response: TransportResponse,
  attempts: number,
): Promise<WithMetadata<T>> {
  let body: unknown = {};
  if (response.body.length > 0) {
    const text = response.body.toString("utf8");
    try {
      body = await parseResponseJson(text);
    } catch (cause) {
      const { invalidResponseBody } = await import("./response-error.js");
      throw invalidResponseBody(action, response, text, "is not valid JSON", cause);
    }
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    const { invalidResponseBody } = await import("./response-error.js");
    throw invalidResponseBody(
      action,
      response,
      response.body.toString("utf8"),
      "is not a JSON object",
      undefined,
    );
  }
  const record = body as Record<string, unknown>;
  const metadata: ResponseMetadata = {
    httpStatus: response.status,
    requestId: readRequestId(response, record),
    attempts,
    headers: response.headers,
  };
  Object.defineProperty(record, "$metadata", { value: metadata, enumerable: false });
  return record as WithMetadata<T>;
}

/**
 * Parses a response body with the lossless JSON rule (integers beyond ±(2^53 − 1) become
 * `bigint`), using `JSON.parse` when the text has no run of 16 digits.
 */
export async function parseResponseJson(text: string): Promise<unknown> {
  if (!SIXTEEN_DIGITS.test(text)) {
    return JSON.parse(text);
  }
  const { parseJson } = await import("./serialization/lossless-json.js");
  return parseJson(text);
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
