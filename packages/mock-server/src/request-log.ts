import type { FaultKind } from "./faults.js";

/** The outcome of a request: answered, rejected or faulted. */
export type Verdict =
  /** Answered with the operation's success example. */
  | { readonly outcome: "answered"; readonly status: number }
  /** Rejected with an Alibaba-shaped error body. */
  | {
      readonly outcome: "rejected";
      readonly status: number;
      readonly code: string;
      readonly message: string;
      /** The canonical request the server signed, when a V3 signature was computed. */
      readonly canonicalRequest?: string;
    }
  /** Handled by an injected fault. */
  | { readonly outcome: "fault"; readonly fault: FaultKind };

/** The signature algorithm a request carried, once it was verified. */
export type SignatureKind = "ACS3-HMAC-SHA256" | "HMAC-SHA1";

/** The operation a request was routed to. */
export interface MatchedOperation {
  readonly product: string;
  readonly apiVersion: string;
  readonly name: string;
}

/**
 * One received request. Configured security tokens are replaced by `[redacted]` in every field,
 * so the log can be printed or snapshotted safely.
 */
export interface RequestLogEntry {
  /** 1 for the first request the server received. */
  readonly sequence: number;
  readonly receivedAt: Date;
  readonly method: string;
  /** Path and query string as sent. */
  readonly url: string;
  /** Header values by lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body bytes as received; empty when the request was faulted before its body was read. */
  readonly body: Buffer;
  /** The action named by the request (`x-acs-action` or `Action`), if any. */
  readonly action?: string;
  readonly operation?: MatchedOperation;
  /** The request object rebuilt from the wire, keyed by wire names. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** Query or form keys that no parameter of the operation claims. */
  readonly unknownParameters?: readonly string[];
  readonly signature?: SignatureKind;
  readonly accessKeyId?: string;
  /** The `RequestId` of the response, when the server sent a JSON body. */
  readonly requestId?: string;
  readonly verdict: Verdict;
}

/** Placeholder that replaces a security token in logged text. */
export const REDACTED = "[redacted]";

/**
 * Replaces each secret, raw and percent-encoded, in `text`. Tokens are long random strings, so
 * plain substring replacement cannot hit unrelated text.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.replaceAll(form, REDACTED);
    }
  }
  return result;
}

/** {@link redactText} over a body, leaving the bytes untouched when no secret occurs in them. */
export function redactBody(body: Buffer, secrets: readonly string[]): Buffer {
  const text = body.toString("latin1");
  const redacted = redactText(text, secrets);
  return redacted === text ? body : Buffer.from(redacted, "latin1");
}

/** {@link redactText} over every header value. */
export function redactHeaders(
  headers: Readonly<Record<string, string>>,
  secrets: readonly string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, redactText(value, secrets)]),
  );
}
