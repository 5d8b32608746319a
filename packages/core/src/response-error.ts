/**
 * Turns error responses, and 2xx bodies that are not JSON objects, into typed errors. The client
 * loads this module on the first such response, so successful calls never load it.
 */

import {
  SerializationError,
  ServiceError,
  type ServiceErrorDetails,
  ThrottlingError,
} from "./errors.js";
import type { TransportResponse } from "./http/http-transport.js";
import { percentEncode } from "./percent-encode.js";
import { readRequestId } from "./response.js";
import { parseJson } from "./serialization/lossless-json.js";
import type { SignedRequest } from "./signing/request-signer.js";

const EXCERPT_LENGTH = 200;
const SERVER_STRING_TO_SIGN = /server string to sign is:\s*([\s\S]*)$/i;

/** Request facts used to explain an error response and to remove secrets from it. */
export interface ErrorContext {
  readonly action: string;
  /** The attempt that failed; its string to sign is compared with the server's. */
  readonly signed: SignedRequest | undefined;
  /** Values that must not appear in the error: the AccessKey secret and security token. */
  readonly secrets: readonly string[];
}

/**
 * Turns a 4xx/5xx response into a `ServiceError`, or a `ThrottlingError` when the code contains
 * `Throttling` or the response has `x-acs-retry-after`. A body that is not JSON still gives a
 * typed error, with code `NonJsonResponse` and an excerpt of the body.
 */
export function createServiceError(
  response: TransportResponse,
  context: ErrorContext,
): ServiceError {
  const text = response.body.toString("utf8");
  let body: unknown;
  try {
    body = text.trim() === "" ? undefined : parseJson(text);
  } catch {
    body = undefined;
  }
  const retryAfterMs = parseRetryAfter(response.headers["x-acs-retry-after"]);
  const scrub = secretScrubber(context.secrets);

  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    const excerpt = scrub(excerptOf(text));
    const contentType = response.headers["content-type"] ?? "no content type";
    const details: ServiceErrorDetails = {
      action: context.action,
      code: "NonJsonResponse",
      message:
        `${context.action} failed with HTTP ${response.status} and a body that is not a JSON error (${contentType})` +
        (excerpt === "" ? "." : `: ${JSON.stringify(excerpt)}`),
      httpStatus: response.status,
      requestId: response.headers["x-acs-request-id"],
      data: excerpt,
    };
    return retryAfterMs === undefined
      ? new ServiceError(details)
      : new ThrottlingError(details, retryAfterMs);
  }

  const fields = body as Record<string, unknown>;
  const code = readString(fields, "Code", "code") ?? "UnknownServiceError";
  const serverMessage = scrub(readString(fields, "Message", "message") ?? "");
  const requestId = readRequestId(response, fields);
  const recommend = readString(fields, "Recommend", "recommend");
  let message = `${context.action} failed: ${code} (HTTP ${response.status})`;
  if (serverMessage !== "") {
    message += `: ${code === "SignatureDoesNotMatch" ? firstLine(serverMessage) : serverMessage}`;
  }
  if (requestId !== undefined) {
    message += ` Request ID: ${requestId}.`;
  }
  if (recommend !== undefined) {
    message += ` See ${recommend}`;
  }
  if (code === "SignatureDoesNotMatch") {
    message += explainSignatureMismatch(serverMessage, context.signed, scrub);
  }
  const details: ServiceErrorDetails = {
    action: context.action,
    code,
    message,
    httpStatus: response.status,
    requestId,
    hostId: readString(fields, "HostId", "hostId"),
    recommend,
    accessDeniedDetail: fields.AccessDeniedDetail ?? fields.accessDeniedDetail,
    data: scrubDeep(fields, scrub),
  };
  if (retryAfterMs !== undefined || code.includes("Throttling")) {
    return new ThrottlingError(details, retryAfterMs);
  }
  return new ServiceError(details);
}

function explainSignatureMismatch(
  serverMessage: string,
  signed: SignedRequest | undefined,
  scrub: (text: string) => string,
): string {
  const server = SERVER_STRING_TO_SIGN.exec(serverMessage)?.[1]?.trim();
  if (server === undefined || signed === undefined) {
    return "\nCheck that the AccessKey secret is correct and has no surrounding whitespace.";
  }
  const client = scrub(signed.stringToSign);
  const canonicalRequest = scrub(signed.canonicalRequest);
  let text = `\nServer string to sign: ${server}\nClient string to sign: ${client}`;
  if (canonicalRequest !== "") {
    text += `\nClient canonical request:\n${canonicalRequest}`;
  }
  const matches = server === client || server === canonicalRequest;
  return (
    text +
    (matches
      ? "\nThey match, so the AccessKey secret is wrong: check it for extra characters or whitespace."
      : "\nThey differ, so the request changed after signing or was signed differently: compare them to find the part.")
  );
}

function readString(
  body: Record<string, unknown>,
  name: string,
  fallback: string,
): string | undefined {
  const value = body[name] ?? body[fallback];
  return typeof value === "string" ? value : undefined;
}

/** Parses `x-acs-retry-after` (milliseconds); only a positive integer counts. */
function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) {
    return undefined;
  }
  const ms = Number(value);
  return ms > 0 ? ms : undefined;
}

function firstLine(text: string): string {
  const match = SERVER_STRING_TO_SIGN.exec(text);
  return match === null ? text : text.slice(0, match.index).trim();
}

/**
 * Builds a function that replaces each secret, and its percent-encoded forms (a string to sign
 * encodes query values once or twice), with `[redacted]`.
 */
function secretScrubber(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < 4) {
      continue;
    }
    forms.add(secret);
    try {
      const once = percentEncode(secret);
      forms.add(once);
      forms.add(percentEncode(once));
    } catch {
      // A secret with a lone surrogate has no encoded form to hide.
    }
  }
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return (text) => {
    let scrubbed = text;
    for (const form of ordered) {
      scrubbed = scrubbed.replaceAll(form, "[redacted]");
    }
    return scrubbed;
  };
}

function scrubDeep(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === "string") {
    return scrub(value);
  }
  if (Array.isArray(value)) {
    return value.map((item) => scrubDeep(item, scrub));
  }
  if (typeof value === "object" && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      copy[key] = scrubDeep((value as Record<string, unknown>)[key], scrub);
    }
    return copy;
  }
  return value;
}

/** Builds the error for a 2xx response whose body is not a JSON object. */
export function invalidResponseBody(
  action: string,
  response: TransportResponse,
  text: string,
  problem: string,
  cause: unknown,
): SerializationError {
  return new SerializationError(
    "InvalidResponseBody",
    `${action} returned HTTP ${response.status}, but the body ${problem}: ${JSON.stringify(excerptOf(text))}.`,
    undefined,
    cause === undefined ? undefined : { cause },
  );
}

/** Collapses whitespace and cuts a body to 200 characters for an error message. */
function excerptOf(text: string): string {
  const collapsed = text.replace(/\s+/g, " ").trim();
  return collapsed.length <= EXCERPT_LENGTH ? collapsed : `${collapsed.slice(0, EXCERPT_LENGTH)}…`;
}
