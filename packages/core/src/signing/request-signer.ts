/** The contract between the client, which prepares a call once, and a signer, run per attempt. */

import type { Credential } from "../credentials/credential.js";
import type { ResolvedEndpoint } from "../endpoint.js";

/** A serialized call: the parts every attempt shares, before signing. */
export interface PreparedRequest {
  /** API name (`AddCrossAccount`). */
  readonly action: string;
  readonly apiVersion: string;
  readonly style: "RPC" | "ROA";
  readonly method: string;
  /**
   * Request target, with any `host` parameters prepended to the host name; its `host` is the
   * value of the `host` header.
   */
  readonly endpoint: ResolvedEndpoint;
  /** Percent-encoded path without the query. */
  readonly pathname: string;
  /** Flattened query parameters with decoded values. */
  readonly query: Readonly<Record<string, string>>;
  /** Sorted, percent-encoded query string; it is sent as is and signed. */
  readonly canonicalQuery: string;
  /** Header parameters and per-call headers, lowercase names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly userAgent: string;
  readonly body: Buffer | undefined;
  readonly contentType: string | undefined;
  /** Hex SHA-256 of `body` (of the empty string without one). */
  readonly payloadHash: string;
  /** Form body parameters, which the legacy RPC signature also signs. */
  readonly formParameters: Readonly<Record<string, string>> | undefined;
}

/** Facts that change between attempts of one call. */
export interface AttemptContext {
  readonly date: Date;
  /** Random string, unique per attempt. */
  readonly nonce: string;
  /** Attempts made before this one (0 for the first). */
  readonly retriesSoFar: number;
  /** Backoff slept before this attempt, in milliseconds. */
  readonly delayMs: number;
}

/** One attempt ready for the transport. */
export interface SignedRequest {
  /** Request target: path plus `?query` when there is one. */
  readonly path: string;
  readonly headers: Record<string, string>;
  /** Kept to compare with the server's in a `SignatureDoesNotMatch` error. */
  readonly stringToSign: string;
  /** The V3 canonical request (empty for signatures that have none). */
  readonly canonicalRequest: string;
}

/** Signs one attempt of a prepared request. */
export interface RequestSigner {
  sign(request: PreparedRequest, credential: Credential, attempt: AttemptContext): SignedRequest;
}

let cachedSecond = Number.NaN;
let cachedTimestamp = "";

/** Formats a timestamp as `YYYY-MM-DDTHH:mm:ssZ` in UTC: the signatures reject milliseconds. */
export function formatTimestamp(date: Date): string {
  // Every request in one second shares the text, so it is formatted once per second.
  const second = Math.floor(date.getTime() / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedTimestamp = `${date.toISOString().slice(0, 19)}Z`;
  }
  return cachedTimestamp;
}
