import type { Logger } from "../config.js";
import type { Credential } from "./credential.js";

/** Default refresh margin before expiry: 15 minutes, the official runtime's `STALE_TIME`. */
export const DEFAULT_STALE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Minimum time between two fetches. It stops a session that arrives already expired (clock skew
 * or a misbehaving endpoint) from being fetched again on every call.
 */
const MIN_REFRESH_INTERVAL_MS = 10 * 1000;

/** Wait after a failed refresh before trying again while the cached session still works. */
const RETRY_AFTER_FAILURE_MS = 10 * 1000;

/** Options of a {@link SessionCache}. */
export interface SessionCacheOptions {
  /** Refresh when the cached session expires within this many milliseconds. */
  readonly staleWindowMs?: number;
  readonly now?: () => number;
  readonly logger?: Logger;
}

interface CachedSession {
  readonly credential: Credential;
  readonly expiresAtMs: number;
  readonly refreshAtMs: number;
}

/**
 * Caches a session credential and fetches a new one when the old one enters its stale window.
 *
 * - Concurrent callers share one in-flight fetch.
 * - A session shorter than twice the stale window is refreshed at half its lifetime instead.
 * - When a refresh fails while the cached session has not yet expired, the cached one is
 *   returned (and a warning logged) and the next attempt waits {@link RETRY_AFTER_FAILURE_MS}.
 */
export class SessionCache {
  readonly #provider: string;
  readonly #fetch: () => Promise<Credential>;
  readonly #staleWindowMs: number;
  readonly #now: () => number;
  readonly #logger: Logger | undefined;
  #cached: CachedSession | undefined;
  #inFlight: Promise<Credential> | undefined;
  #retryAtMs = 0;

  /**
   * @param provider - Name used in log lines.
   * @param fetch - Obtains a fresh session; the credential must carry `expiration`.
   */
  constructor(provider: string, fetch: () => Promise<Credential>, options: SessionCacheOptions) {
    this.#provider = provider;
    this.#fetch = fetch;
    this.#staleWindowMs = options.staleWindowMs ?? DEFAULT_STALE_WINDOW_MS;
    this.#now = options.now ?? Date.now;
    this.#logger = options.logger;
  }

  /** Returns the cached session, or waits for a refresh. An abort ends only this caller's wait. */
  get(signal?: AbortSignal): Promise<Credential> {
    const cached = this.#cached;
    const now = this.#now();
    if (
      cached &&
      (now < cached.refreshAtMs || (now < this.#retryAtMs && now < cached.expiresAtMs))
    ) {
      return Promise.resolve(cached.credential);
    }
    if (!this.#inFlight) {
      this.#inFlight = this.#refresh().finally(() => {
        this.#inFlight = undefined;
      });
    }
    return raceAbort(this.#inFlight, signal);
  }

  async #refresh(): Promise<Credential> {
    let credential: Credential;
    try {
      credential = await this.#fetch();
    } catch (error) {
      const cached = this.#cached;
      const now = this.#now();
      if (cached && now < cached.expiresAtMs) {
        this.#retryAtMs = now + RETRY_AFTER_FAILURE_MS;
        this.#logger?.warn("credential refresh failed; using the cached session until it expires", {
          provider: this.#provider,
          expiration: new Date(cached.expiresAtMs).toISOString(),
          reason: error instanceof Error ? error.message : String(error),
        });
        return cached.credential;
      }
      throw error;
    }
    const now = this.#now();
    const expiresAtMs = credential.expiration?.getTime() ?? now;
    const lifetimeMs = expiresAtMs - now;
    const refreshAtMs = Math.max(
      expiresAtMs - this.#staleWindowMs,
      now + Math.max(lifetimeMs / 2, MIN_REFRESH_INTERVAL_MS),
    );
    this.#cached = { credential, expiresAtMs, refreshAtMs };
    this.#logger?.debug("credential session refreshed", {
      provider: this.#provider,
      expiration: new Date(expiresAtMs).toISOString(),
      refreshAt: new Date(refreshAtMs).toISOString(),
    });
    return credential;
  }
}

/** Settles like `promise`, or rejects with the signal's reason once it aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) {
    return promise;
  }
  if (signal.aborted) {
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
