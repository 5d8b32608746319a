import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { stringifyJson } from "@acs-sdk/core/protocol";
import type { AcsError } from "./errors.js";

/** The content type of the gateway's JSON responses. */
const JSON_CONTENT_TYPE = "application/json;charset=utf-8";

/** Creates a request ID in the gateway's form: an upper-case UUID. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** A response ready to be written, so that faults can delay or cut it. */
export interface PreparedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** Builds the success response: the example with a fresh `RequestId` (or `requestId`, as the example spells it). */
export function successResponse(example: unknown, requestId: string): PreparedResponse {
  let body: unknown = { RequestId: requestId };
  if (typeof example === "object" && example !== null && !Array.isArray(example)) {
    const key = "requestId" in example && !("RequestId" in example) ? "requestId" : "RequestId";
    body = { ...example, [key]: requestId };
  } else if (example !== undefined) {
    // NOTE: a non-object example has no place for a RequestId; it is returned unchanged.
    body = example;
  }
  return jsonResponse(200, body, requestId);
}

/** Builds the gateway's error response for `error`; `hostId` is the host the client addressed. */
export function errorResponse(
  error: AcsError,
  requestId: string,
  hostId: string,
  product: string | undefined,
  extraHeaders: Readonly<Record<string, string>> = {},
): PreparedResponse {
  const query = new URLSearchParams({ q: error.code });
  if (product !== undefined) {
    query.set("product", product.charAt(0).toUpperCase() + product.slice(1));
  }
  const body = {
    RequestId: requestId,
    HostId: hostId,
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?${query}`,
  };
  const response = jsonResponse(error.status, body, requestId);
  return { ...response, headers: { ...response.headers, ...extraHeaders } };
}

/** Builds a 502 with an HTML body, as a proxy in front of the gateway sends when it fails. */
export function htmlBadGatewayResponse(): PreparedResponse {
  return {
    status: 502,
    headers: { "content-type": "text/html" },
    body: Buffer.from(
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" +
        "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n",
    ),
  };
}

// NOTE: a legacy request may ask for XML with `Format=XML`; every response is JSON regardless.
function jsonResponse(status: number, body: unknown, requestId: string): PreparedResponse {
  return {
    status,
    headers: { "content-type": JSON_CONTENT_TYPE, "x-acs-request-id": requestId },
    body: Buffer.from(stringifyJson(body, "response")),
  };
}

/** Writes a prepared response in one go. */
export function writeResponse(response: ServerResponse, prepared: PreparedResponse): void {
  response.writeHead(prepared.status, {
    ...prepared.headers,
    "content-length": String(prepared.body.length),
  });
  response.end(prepared.body);
}
