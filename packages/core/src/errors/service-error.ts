import { AcsError } from "./acs-error.js";

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
