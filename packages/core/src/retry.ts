/**
 * Retry policy: which failures are retried and how long to wait. Retried by default:
 *
 * - throttling (`ThrottlingError`), because a throttled request was not executed;
 * - 5xx responses except 501 Not Implemented, which no retry can change;
 * - network failures and connect timeouts before any request byte was sent.
 *
 * Read timeouts and connection resets after the request was sent are retried only when the
 * operation is read-only or the request carries a `ClientToken`, because the server may already
 * have executed it and a second copy would repeat a write.
 */

import type { RetryOptions } from "./config.js";
import { NetworkError } from "./errors/network-error.js";
import { ServiceError, ThrottlingError } from "./errors/service-error.js";
import {
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_DELAY_MS,
} from "./retry-defaults.js";

/** Retry options with every default filled in. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The client's next step after a failed attempt: wait `delayMs`, then send again. */
export interface RetryPlan {
  readonly delayMs: number;
  /** The attempt limit that allowed this retry, for the log entry. */
  readonly maxAttempts: number;
  readonly sleep: RetryPolicy["sleep"];
}

/** The facts about a failed attempt that decide whether it is sent again. */
export interface FailedAttempt {
  readonly error: unknown;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** The operation only reads, so sending it twice changes nothing. */
  readonly readOnly: boolean;
  readonly request: object;
  readonly clientOptions: RetryOptions | undefined;
  readonly callOptions: RetryOptions | undefined;
}

/**
 * Decides whether a failed attempt is sent again and after how long; `undefined` means the error
 * goes to the caller. A request with a `ClientToken` counts as idempotent.
 */
export function planRetry(failed: FailedAttempt): RetryPlan | undefined {
  const { error, attempt } = failed;
  const policy = resolveRetryPolicy(failed.clientOptions, failed.callOptions);
  const token = (failed.request as { ClientToken?: unknown }).ClientToken;
  const idempotent = failed.readOnly || (token !== undefined && token !== null && token !== "");
  const delayMs =
    attempt < policy.maxAttempts && isRetryable(error, idempotent)
      ? computeDelayMs(policy, attempt, error)
      : undefined;
  return delayMs === undefined
    ? undefined
    : { delayMs, maxAttempts: policy.maxAttempts, sleep: policy.sleep };
}

/** Merges per-call over per-client retry options over the defaults. */
export function resolveRetryPolicy(
  client: RetryOptions | undefined,
  call: RetryOptions | undefined,
): RetryPolicy {
  const option = <K extends keyof RetryOptions>(name: K): RetryOptions[K] =>
    call?.[name] ?? client?.[name];
  return {
    maxAttempts: Math.max(1, Math.floor(option("maxAttempts") ?? DEFAULT_MAX_ATTEMPTS)),
    baseDelayMs: option("baseDelayMs") ?? DEFAULT_BASE_DELAY_MS,
    maxDelayMs: option("maxDelayMs") ?? DEFAULT_MAX_DELAY_MS,
    random: option("random") ?? Math.random,
    sleep: option("sleep") ?? sleep,
  };
}

/** Tells whether a failed attempt may be sent again (attempt limits aside). */
export function isRetryable(error: unknown, idempotent: boolean): boolean {
  if (error instanceof ThrottlingError) {
    return true;
  }
  if (error instanceof ServiceError) {
    return error.httpStatus >= 500 && error.httpStatus !== 501;
  }
  if (error instanceof NetworkError) {
    return !error.requestSent || idempotent;
  }
  return false;
}

/**
 * Computes the wait before retry number `retry` (1 for the first retry): exponential backoff with
 * full jitter, a uniform value in [0, min(maxDelayMs, baseDelayMs × 2^(retry−1))). A throttling
 * error's `retryAfterMs` replaces it; one longer than `maxDelayMs` returns `undefined`, which
 * means "do not retry".
 */
export function computeDelayMs(
  policy: RetryPolicy,
  retry: number,
  error: unknown,
): number | undefined {
  if (error instanceof ThrottlingError && error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= policy.maxDelayMs ? error.retryAfterMs : undefined;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(policy.random() * ceiling);
}

/**
 * Waits `ms` milliseconds; rejects with an `AbortError` when `signal` fires, which the client
 * reports as `RequestAbortedError`. `node:timers/promises` is loaded on the first wait, as most
 * applications never retry.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return process.getBuiltinModule("node:timers/promises").setTimeout(ms, undefined, { signal });
}
