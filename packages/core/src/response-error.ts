/**
 * Turns responses that give no result into typed errors, without the secrets the request was
 * signed with: 4xx/5xx responses, and 2xx responses whose body is not a JSON object.
 */

import { SerializationError } from "./errors/serialization-error.js";
import { ServiceError, type ServiceErrorDetails, ThrottlingError } from "./errors/service-error.js";
import type { TransportResponse } from "./http/http-transport.js";
import { percentEncode } from "./percent-encode.js";
import { readRequestId } from "./response.js";
import { parseJson } from "./serialization/lossless-json.js";
import type { SignedRequest } from "./signing/request-signer.js";

const SERVER_STRING_TO_SIGN = /server string to sign is:\s*([\s\S]*)$/i;

/** Request facts used to explain an error response and to remove secrets from it. */
export interface ErrorContext {
  readonly action: string;
  /** The attempt that failed; its string to sign is compared with the server's. */
  readonly signed: SignedRequest;
  /** Values that must not appear in the error: the AccessKey secret and security token. */
  readonly secrets: readonly (string | undefined)[];
}

/**
 * Explains a 2xx response whose body `parseSuccessResponse` could not read as a JSON object.
 * Such a body carries no credential, so it is quoted as it is, cut to 200 characters.
 */
export function invalidBodyError(action: string, response: TransportResponse): SerializationError {
  const text = response.body.toString();
  let cause: unknown;
  try {
    parseJson(text);
  } catch (error) {
    cause = error;
  }
  return new SerializationError(
    "InvalidResponseBody",
    `${action} returned HTTP ${response.status}, but the body is not a JSON object: ${JSON.stringify(excerptOf(text))}.`,
    undefined,
    { cause },
  );
}

/**
 * Turns a 4xx/5xx response into a `ServiceError`, or a `ThrottlingError` when the code contains
 * `Throttling` or the response has `x-acs-retry-after`. A body that is not a JSON object still
 * gives a typed error, with code `NonJsonResponse` and an excerpt of the body in `data`.
 */
export function createServiceError(
  response: TransportResponse,
  { action, signed, secrets }: ErrorContext,
): ServiceError {
  const { status, headers } = response;
  const text = response.body.toString();
  const scrub = secretScrubber(secrets);
  let body: unknown;
  try {
    body = scrubDeep(parseJson(text), scrub);
  } catch {
    // Not JSON: reported as NonJsonResponse.
  }
  // RPC error bodies spell fields `Code`, ROA error bodies `code`.
  const field = (name: string): unknown => {
    const fields = body as Record<string, unknown>;
    return fields[name] ?? fields[`${name[0]?.toLowerCase()}${name.slice(1)}`];
  };
  const read = (name: string): string | undefined => {
    const value = field(name);
    return typeof value === "string" ? value : undefined;
  };
  // Only a positive integer of milliseconds counts.
  const retryAfter = Number(headers["x-acs-retry-after"]);
  const retryAfterMs = Number.isSafeInteger(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  let details: ServiceErrorDetails;
  if (typeof body !== "object" || !body || Array.isArray(body)) {
    const excerpt = scrub(excerptOf(text));
    details = {
      action,
      code: "NonJsonResponse",
      message: `${action} failed with HTTP ${status} and a body that is not a JSON error (${headers["content-type"] ?? "no content type"}): ${JSON.stringify(excerpt)}`,
      httpStatus: status,
      requestId: headers["x-acs-request-id"],
      data: excerpt,
    };
  } else {
    const fields = body as Record<string, unknown>;
    const code = read("Code") ?? "UnknownServiceError";
    const serverMessage = read("Message") ?? "";
    const requestId = readRequestId(response, fields);
    const recommend = read("Recommend");
    const mismatch = code === "SignatureDoesNotMatch";
    let message = `${action} failed: ${code} (HTTP ${status})`;
    if (serverMessage) {
      message += `: ${mismatch ? serverMessage.replace(SERVER_STRING_TO_SIGN, "").trim() : serverMessage}`;
    }
    if (requestId) {
      message += ` Request ID: ${requestId}.`;
    }
    if (recommend) {
      message += ` See ${recommend}`;
    }
    if (mismatch) {
      message += explainSignatureMismatch(serverMessage, signed, scrub);
    }
    details = {
      action,
      code,
      message,
      httpStatus: status,
      requestId,
      hostId: read("HostId"),
      recommend,
      accessDeniedDetail: field("AccessDeniedDetail"),
      data: fields,
    };
  }
  return retryAfterMs || details.code.includes("Throttling")
    ? new ThrottlingError(details, retryAfterMs)
    : new ServiceError(details);
}

function explainSignatureMismatch(
  serverMessage: string,
  signed: SignedRequest,
  scrub: (text: string) => string,
): string {
  const server = SERVER_STRING_TO_SIGN.exec(serverMessage)?.[1]?.trim();
  if (server === undefined) {
    return "\nCheck that the AccessKey secret is correct and has no surrounding whitespace.";
  }
  const client = scrub(signed.stringToSign);
  const canonicalRequest = scrub(signed.canonicalRequest);
  return `\nServer string to sign: ${server}\nClient string to sign: ${client}${
    canonicalRequest && `\nClient canonical request:\n${canonicalRequest}`
  }\n${
    server === client || server === canonicalRequest
      ? "They match, so the AccessKey secret is wrong: check it for extra characters or whitespace."
      : "They differ, so the request changed after signing or was signed differently: compare them to find the part."
  }`;
}

/**
 * Builds a function that replaces each secret, and its percent-encoded forms (a string to sign
 * encodes query values once or twice), with `[redacted]`. Secrets shorter than 4 characters are
 * not real secrets and would blank out ordinary text.
 */
function secretScrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  const forms: string[] = [];
  for (const secret of secrets) {
    if (secret !== undefined && secret.length > 3) {
      try {
        const once = percentEncode(secret);
        forms.push(secret, once, percentEncode(once));
      } catch {
        // A lone surrogate has no encoded form, so only the raw secret can appear.
        forms.push(secret);
      }
    }
  }
  // Longest first, so that an encoded form is not cut apart by a shorter one it contains.
  forms.sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((scrubbed, form) => scrubbed.replaceAll(form, "[redacted]"), text);
}

function scrubDeep(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === "string") {
    return scrub(value);
  }
  if (typeof value !== "object" || value === null) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => scrubDeep(item, scrub));
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    copy[key] = scrubDeep((value as Record<string, unknown>)[key], scrub);
  }
  return copy;
}

const EXCERPT_LENGTH = 200;

/** Collapses whitespace and cuts a body to 200 characters for an error message. */
function excerptOf(text: string): string {
  const collapsed = text.replace(/\s+/g, " ").trim();
  return collapsed.length > EXCERPT_LENGTH ? `${collapsed.slice(0, EXCERPT_LENGTH)}…` : collapsed;
}
