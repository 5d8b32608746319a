/**
 * Every error the request pipeline throws. Each class has a stable `code` that callers branch on;
 * messages are for people and may change. No message or field ever contains an AccessKey secret,
 * a security token or a signature key.
 *
 * `CredentialsError` lives next to the credential providers (`credentials/credentials-error.ts`),
 * extends {@link AcsError} and is exported from the package index with these classes.
 *
 * Every application bundles this module, so the classes declare their fields (`declare`) and
 * assign them in one statement instead of one emitted class field each.
 */

import type { ValidationIssue } from "./operation.js";

/** Base class of the runtime's errors; `code` is stable, `message` is for people. */
export class AcsError extends Error {
  override readonly name: string = "AcsError";
  /** Stable machine-readable reason. */
  declare readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** Codes of {@link ConfigurationError}. */
export type ConfigurationErrorCode = "MissingRegion" | "InvalidEndpoint" | "InvalidConfiguration";

/** The client configuration cannot produce a request (no region, a malformed endpoint, …). */
export class ConfigurationError extends AcsError {
  override readonly name = "ConfigurationError";
  /** One of {@link ConfigurationErrorCode}; the constructor is `AcsError`'s. */
  declare readonly code: ConfigurationErrorCode;
}

/** A request failed its operation's generated validator; nothing was sent. */
export class ValidationError extends AcsError {
  override readonly name = "ValidationError";
  declare readonly code: "ValidationFailed";
  /** Every problem the validator found, in its order. */
  declare readonly issues: readonly ValidationIssue[];

  constructor(action: string, issues: readonly ValidationIssue[]) {
    super(
      "ValidationFailed",
      `${action} request is invalid; fix these parameters and call again:${issues.map((issue) => `\n  - ${issue.path}: ${issue.message}`).join("")}`,
    );
    this.issues = issues;
  }
}

/** Codes of {@link SerializationError}. */
export type SerializationErrorCode =
  /** A request value cannot be written to the wire (a function, NaN, an object for a scalar…). */
  | "UnserializableValue"
  /** A percent-encoded string contains a lone UTF-16 surrogate, which has no UTF-8 form. */
  | "InvalidUnicode"
  /** The operation descriptor itself is inconsistent (for example form and JSON body parameters). */
  | "InvalidOperationDescriptor"
  /** A successful response body is not valid JSON. */
  | "InvalidResponseBody";

/** A request value could not be serialized, or a successful response could not be parsed. */
export class SerializationError extends AcsError {
  override readonly name = "SerializationError";
  declare readonly code: SerializationErrorCode;
  /** Parameter path of the offending value (`Filters[0].Values[1]`), when there is one. */
  declare readonly path: string | undefined;

  constructor(
    code: SerializationErrorCode,
    message: string,
    path?: string,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
    this.path = path;
  }
}

/** Fields shared by every HTTP error response. */
export interface ServiceErrorDetails {
  /** API name of the failed call. */
  readonly action: string;
  /** Error code from the body, `NonJsonResponse` or `UnknownServiceError`. */
  readonly code: string;
  readonly message: string;
  readonly httpStatus: number;
  readonly requestId?: string;
  readonly hostId?: string;
  /** Link to Alibaba Cloud's diagnosis page for this error. */
  readonly recommend?: string;
  /** Policy details of an access denial, for `NoPermission`-style errors. */
  readonly accessDeniedDetail?: unknown;
  /** The whole parsed error body (secrets removed), or the body excerpt for non-JSON bodies. */
  readonly data?: unknown;
}

/** A 4xx or 5xx response from the service. `code` is the service's own error code. */
export class ServiceError extends AcsError {
  override readonly name: string = "ServiceError";
  declare readonly action: string;
  declare readonly httpStatus: number;
  declare readonly requestId: string | undefined;
  declare readonly hostId: string | undefined;
  declare readonly recommend: string | undefined;
  declare readonly accessDeniedDetail: unknown;
  declare readonly data: unknown;

  constructor(details: ServiceErrorDetails) {
    super(details.code, details.message);
    Object.assign(this, details);
  }
}

/**
 * The service throttled the call: its code contains `Throttling` or it sent `x-acs-retry-after`.
 * Throttled calls are retried by default.
 */
export class ThrottlingError extends ServiceError {
  override readonly name = "ThrottlingError";
  /** Wait the service asked for, from the `x-acs-retry-after` header (milliseconds). */
  declare readonly retryAfterMs: number | undefined;

  constructor(details: ServiceErrorDetails, retryAfterMs: number | undefined) {
    super(details);
    this.retryAfterMs = retryAfterMs;
  }
}

/** Codes of {@link NetworkError} and {@link TimeoutError}. */
export type NetworkErrorCode = "NetworkFailure" | "ConnectTimeout" | "ReadTimeout";

/** The HTTP exchange failed below the HTTP layer (refused, reset, DNS failure, …). */
export class NetworkError extends AcsError {
  override readonly name: string = "NetworkError";
  declare readonly code: NetworkErrorCode;
  /**
   * Whether request bytes may have reached the server. When true, a write operation may have
   * taken effect, so it is not retried unless it carries a `ClientToken`.
   */
  declare readonly requestSent: boolean;

  constructor(code: NetworkErrorCode, message: string, requestSent: boolean, cause?: unknown) {
    super(code, message, cause === undefined ? undefined : { cause });
    this.requestSent = requestSent;
  }
}

/** An attempt exceeded its connect timeout (`ConnectTimeout`) or read timeout (`ReadTimeout`). */
export class TimeoutError extends NetworkError {
  override readonly name = "TimeoutError";
  declare readonly code: "ConnectTimeout" | "ReadTimeout";
  declare readonly timeoutMs: number;

  constructor(phase: "connect" | "read", timeoutMs: number, target: string) {
    const read = phase === "read";
    super(
      read ? "ReadTimeout" : "ConnectTimeout",
      read
        ? `Reading from ${target} timed out: no response bytes arrived for ${timeoutMs} ms after the request was sent, before or during the response body. Raise readTimeoutMs for slow operations.`
        : `Connecting to ${target} timed out after ${timeoutMs} ms; check the endpoint and network, or raise connectTimeoutMs.`,
      read,
    );
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `AbortSignal` fired; `cause` is the signal's reason. */
export class RequestAbortedError extends AcsError {
  override readonly name = "RequestAbortedError";
  declare readonly code: "RequestAborted";

  constructor(action: string, reason: unknown) {
    super("RequestAborted", `${action} was aborted by its AbortSignal.`, { cause: reason });
  }
}
