import { AcsError } from "./acs-error.js";

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
