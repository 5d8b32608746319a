import { NetworkError, TimeoutError } from "../errors/network-error.js";
import { RequestAbortedError } from "../errors/request-aborted-error.js";

/** The cause of a failed attempt: a timeout phase with its limit, or the socket's error. */
export type TransportFailure =
  | { readonly timeout: "connect" | "read"; readonly ms: number }
  | { readonly cause: Error; readonly sent: boolean };

/**
 * Builds the error of a failed attempt. The transport imports this module on its first failure,
 * so a code-splitting bundler keeps the network error classes and their messages out of the
 * initial load of an application whose calls succeed.
 *
 * @param target - `protocol//host` of the endpoint, for the message.
 * @param action - API name, for the message of an aborted call.
 */
export function transportError(
  target: string,
  action: string,
  signal: AbortSignal | undefined,
  failure: TransportFailure,
): Error {
  if ("timeout" in failure) {
    return new TimeoutError(failure.timeout, failure.ms, target);
  }
  // Node.js destroys the request with an AbortError when the caller's signal fires.
  if (signal?.aborted) {
    return new RequestAbortedError(action, signal.reason);
  }
  const { cause, sent } = failure;
  const code = (cause as NodeJS.ErrnoException).code;
  const reason = code ? `${code}: ${cause.message}` : cause.message;
  return new NetworkError(
    "NetworkFailure",
    sent
      ? `Connection to ${target} failed after the request was sent (${reason}); the server may have processed it.`
      : `Could not connect to ${target} (${reason}); nothing was sent. Check the endpoint and the network.`,
    sent,
    cause,
  );
}
