import type { Credential, CredentialProvider } from "./credentials/credential.js";

/**
 * Receives runtime diagnostics. The default logger discards everything. Fields never contain an
 * AccessKey secret, a security token or a signature.
 */
export interface Logger {
  /** Records detail for tracing, such as which credential provider the default chain chose. */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Records a normal event worth keeping. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Records a recoverable problem, such as a failed credential refresh that the cache covers. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Records a failure that cannot be recovered from. */
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Retry policy; see `retry.ts` for which failures are retried. */
export interface RetryOptions {
  /** Total attempts including the first; 1 disables retries. @defaultValue 3 */
  readonly maxAttempts?: number;
  /** Base delay of the exponential backoff, in milliseconds. @defaultValue 100 */
  readonly baseDelayMs?: number;
  /**
   * Upper bound of one backoff delay, in milliseconds. A throttling response that requests a
   * longer wait (`x-acs-retry-after`) is not retried. @defaultValue 20000
   */
  readonly maxDelayMs?: number;
  /** Random source in [0, 1) for the backoff jitter. @defaultValue Math.random */
  readonly random?: () => number;
  /** Waits between attempts; must reject when `signal` fires. @defaultValue a `setTimeout` wait */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Options of one client instance. Every field is optional; see each default. */
export interface ClientConfig {
  /** Region ID such as `cn-hangzhou`; used by the endpoint rule. */
  readonly regionId?: string;
  /** Host name or URL that replaces the endpoint rule (`http://127.0.0.1:8080` for a local mock). */
  readonly endpoint?: string;
  /** Network type: `vpc` gives `<product>-vpc.<region>.aliyuncs.com`. */
  readonly network?: string;
  /** `https` (default) or `http`; an `endpoint` URL with a scheme wins. */
  readonly protocol?: "https" | "http";
  /**
   * A fixed credential or a provider. Without it, each attempt uses `ALIBABA_CLOUD_ACCESS_KEY_ID`,
   * `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and the optional `ALIBABA_CLOUD_SECURITY_TOKEN` when both
   * are set (provider name `default/env`), else the rest of the default credential chain. The
   * client imports the chain on first use, so a code-split bundle puts it in a lazy chunk.
   * @defaultValue the default credential chain
   */
  readonly credentials?: Credential | CredentialProvider;
  /**
   * Request signature: `v3` (ACS3-HMAC-SHA256, every style) or `v1`, the legacy HMAC-SHA1 RPC
   * signature for gateways that predate V3 (RPC operations only). The client imports the `v1`
   * signer on first use, so a code-split bundle puts it in a lazy chunk.
   * @defaultValue "v3"
   */
  readonly signatureVersion?: "v3" | "v1";
  /** Connect timeout of one attempt, in milliseconds. @defaultValue 5000 */
  readonly connectTimeoutMs?: number;
  /**
   * Read timeout of one attempt, in milliseconds: the longest time without receiving a response
   * byte once the request is sent. Each chunk restarts it, so a slow but steady body never times
   * out. @defaultValue 10000
   */
  readonly readTimeoutMs?: number;
  /**
   * Retry policy of every call. A call's `retry` overrides it field by field, and a field unset
   * in both takes its {@link RetryOptions} default.
   * @defaultValue 3 attempts with exponential backoff from 100 ms
   */
  readonly retry?: RetryOptions;
  /**
   * Receives one `warn` line per retry (action, attempt, delay, error code and request ID) and the
   * default credential chain's diagnostics (provider chosen or skipped, session refreshes).
   * @defaultValue a logger that discards everything
   */
  readonly logger?: Logger;
  /** Text appended after a space to the SDK's own User-Agent header. @defaultValue none */
  readonly userAgent?: string;
  /**
   * Time source of the signed request date (`x-acs-date`, whole seconds in UTC), read once per
   * attempt. For tests and reproducible requests: a fixed date plus a fixed `nonce` give
   * byte-identical signed requests. Gateways reject a date far from their own clock.
   * @defaultValue `() => new Date()`
   */
  readonly clock?: () => Date;
  /**
   * Source of the signature nonce (`x-acs-signature-nonce`), read once per attempt. For tests and
   * reproducible requests: gateways reject a nonce they have already seen as a replay, so real
   * traffic needs a new value for every attempt.
   * @defaultValue `crypto.randomUUID`
   */
  readonly nonce?: () => string;
}

/** Options of one call. Each value set here overrides the client's {@link ClientConfig} value. */
export interface CallOptions {
  /**
   * Cancels the call: the pending credential request, attempt or backoff wait stops and the call
   * rejects with `RequestAbortedError`, whose `cause` is the signal's reason. @defaultValue none
   */
  readonly signal?: AbortSignal;
  /**
   * Connect timeout of each attempt of this call, in milliseconds. It overrides the client's
   * `connectTimeoutMs`. @defaultValue the client's value, else 5000
   */
  readonly connectTimeoutMs?: number;
  /**
   * Read timeout of each attempt of this call, in milliseconds. It overrides the client's
   * `readTimeoutMs` and is measured the same way. @defaultValue the client's value, else 10000
   */
  readonly readTimeoutMs?: number;
  /**
   * Retry options of this call, merged field by field over the client's `retry`, so
   * `{ maxAttempts: 1 }` disables retries and keeps the client's other fields.
   * @defaultValue the client's `retry`
   */
  readonly retry?: RetryOptions;
  /**
   * Extra headers; `x-acs-*` headers are signed. Names that differ only in case are merged into
   * one header, values sorted and joined with `,`, which is how the signature merges them.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Facts about the HTTP exchange, attached to every successful response as `$metadata`. */
export interface ResponseMetadata {
  /** HTTP status code of the successful attempt's response. */
  readonly httpStatus: number;
  /** From the `x-acs-request-id` header, else the body's `RequestId`. */
  readonly requestId: string | undefined;
  /** Attempts made, including the first. */
  readonly attempts: number;
  /** Response headers, lowercase names. */
  readonly headers: Readonly<Record<string, string>>;
}

/** A parsed response body plus the non-enumerable `$metadata`. */
export type WithMetadata<T> = T & { readonly $metadata: ResponseMetadata };
