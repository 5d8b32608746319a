/**
 * Takes a captured request apart into what the V3 signature covers, and re-signs it with either
 * runtime, so that two clients' requests can be compared part by part.
 */
import {
  canonicalizeQuery,
  computeAcs3Signature,
  type ParsedAuthorization,
  parseAuthorization,
  sha256Hex,
} from "@acs-sdk/core";
import type { CapturedRequest } from "./capture-server.js";
import { type OfficialRuntimeName, officialSignature } from "./official-runtime.js";

/** The signed parts of one request. */
export interface SignedParts {
  readonly method: string;
  /** Path as sent. */
  readonly pathname: string;
  /** Query pairs, decoded, in the order sent. */
  readonly queryPairs: ReadonlyArray<readonly [string, string]>;
  /** Query as a decoded map (each name once). */
  readonly query: Readonly<Record<string, string>>;
  /** Our canonical query string of the decoded pairs. */
  readonly canonicalQuery: string;
  readonly authorization: ParsedAuthorization;
  /** Values of the headers listed in `SignedHeaders`, by name. */
  readonly signedHeaders: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * Decodes a query string strictly: `%XX` escapes only. Neither runtime sends a literal `+`, and
 * a test asserts that, so `+` needs no reading.
 */
export function decodeQuery(rawQuery: string): Array<[string, string]> {
  if (rawQuery === "") {
    return [];
  }
  return rawQuery.split("&").map((pair): [string, string] => {
    const equals = pair.indexOf("=");
    const name = equals === -1 ? pair : pair.slice(0, equals);
    const value = equals === -1 ? "" : pair.slice(equals + 1);
    return [decodeURIComponent(name), decodeURIComponent(value)];
  });
}

/** Splits a captured request into its signed parts; fails when it has no V3 `Authorization`. */
export function signedPartsOf(request: CapturedRequest): SignedParts {
  const authorization = parseAuthorization(request.headers.authorization ?? "");
  if (authorization === undefined) {
    throw new Error(`request ${request.target} has no ACS3 Authorization header`);
  }
  const queryPairs = decodeQuery(request.rawQuery);
  const signedHeaders: Record<string, string> = {};
  for (const name of authorization.signedHeaders) {
    signedHeaders[name] = request.headers[name] ?? "";
  }
  return {
    method: request.method,
    pathname: request.pathname,
    queryPairs,
    query: Object.fromEntries(queryPairs),
    canonicalQuery: canonicalizeQuery(queryPairs),
    authorization,
    signedHeaders,
    body: request.body,
  };
}

/**
 * Recomputes a captured request's signature with an official runtime's `getAuthorization`, over
 * the signed headers only: what that runtime would have sent for exactly these parts.
 */
export function officialResign(
  runtime: OfficialRuntimeName,
  parts: SignedParts,
  accessKeySecret: string,
): { canonicalRequest: string; signature: string } {
  const { canonicalRequest, authorization } = officialSignature(
    runtime,
    {
      method: parts.method,
      pathname: parts.pathname,
      query: { ...parts.query },
      headers: { ...parts.signedHeaders },
    },
    sha256Hex(parts.body),
    parts.authorization.accessKeyId,
    accessKeySecret,
  );
  const parsed = parseAuthorization(authorization);
  return { canonicalRequest, signature: parsed?.signature ?? "" };
}

/** Recomputes a captured request's signature with our `computeAcs3Signature`. */
export function coreResign(
  parts: SignedParts,
  accessKeySecret: string,
): { canonicalRequest: string; signature: string } {
  const result = computeAcs3Signature({
    method: parts.method,
    pathname: parts.pathname,
    query: parts.queryPairs,
    headers: parts.signedHeaders,
    body: parts.body,
    accessKeySecret,
    signedHeaders: parts.authorization.signedHeaders,
  });
  return { canonicalRequest: result.canonicalRequest, signature: result.signature };
}
