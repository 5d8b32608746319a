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
import { NetworkError, ServiceError, ThrottlingError } from "./errors.js";

/** Total attempts including the first. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** First backoff ceiling; it doubles with every retry. */
export const DEFAULT_BASE_DELAY_MS = 100;
/** Cap of one backoff delay; a longer `x-acs-retry-after` ends the retries instead. */
export const DEFAULT_MAX_DELAY_MS = 20_000;

/** Retry options with every default filled in. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
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
