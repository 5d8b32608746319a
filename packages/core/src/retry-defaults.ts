// The retry defaults live apart from the retry logic (retry.ts), which the client imports only
// after a failed attempt, so that documenting them in the package index costs no bundle bytes.

/** Total attempts including the first. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** First backoff ceiling; it doubles with every retry. */
export const DEFAULT_BASE_DELAY_MS = 100;
/** Cap of one backoff delay; a longer `x-acs-retry-after` ends the retries instead. */
export const DEFAULT_MAX_DELAY_MS = 20_000;
