import type { Credential, CredentialProvider } from "./credentials/credential.js";

/** Receives runtime diagnostics. The default logger discards everything. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Retry policy; see `retry.ts` for which failures are retried. */
export interface RetryOptions {
  /** Total attempts including the first; 1 disables retries. */
  readonly maxAttempts?: number;
  /** Base delay of the exponential backoff, in milliseconds. */
  readonly baseDelayMs?: number;
  /** Upper bound of one backoff delay, in milliseconds. */
  readonly maxDelayMs?: number;
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
  /** A fixed credential or a provider; defaults to the default credential chain. */
  readonly credentials?: Credential | CredentialProvider;
  /** Connect timeout in milliseconds. */
  readonly connectTimeoutMs?: number;
  /** Read timeout in milliseconds: the longest wait for response bytes once the request is sent. */
  readonly readTimeoutMs?: number;
  readonly retry?: RetryOptions;
  readonly logger?: Logger;
  /** Appended to the User-Agent header. */
  readonly userAgent?: string;
}

/** Per-call overrides. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly connectTimeoutMs?: number;
  readonly readTimeoutMs?: number;
  readonly retry?: RetryOptions;
  /** Extra headers; `x-acs-*` headers are signed. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Facts about the HTTP exchange, attached to every successful response as `$metadata`. */
export interface ResponseMetadata {
  readonly httpStatus: number;
  readonly requestId?: string;
  /** Attempts made, including the first. */
  readonly attempts: number;
  readonly headers: Readonly<Record<string, string>>;
}

/** A parsed response body plus `$metadata`. */
export type WithMetadata<T> = T & { readonly $metadata: ResponseMetadata };
