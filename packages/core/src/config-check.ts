/**
 * Checks the values of client and call options that TypeScript's types do not pin down (numbers,
 * and anything a JavaScript caller passes) on every call. The client imports this module with
 * the first call, so it is not part of an application's start-up.
 */
import type { CallOptions, ClientConfig, RetryOptions } from "./config.js";
import { ConfigurationError } from "./errors/configuration-error.js";

/** A value no request can use, with what to write instead. */
interface InvalidOption {
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
}

/** Characters an HTTP header value cannot carry (the user agent is sent as one). */
const UNPRINTABLE = /[^\t\x20-\x7e]/;

/**
 * The maximum delay of `setTimeout`. Node.js fires a longer timer after 1 ms, so a larger timeout
 * would fail every attempt at once and a larger backoff would not wait.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

const isPositive = (value: unknown): boolean =>
  typeof value === "number" && value > 0 && value <= MAX_TIMER_MS;

const isDelay = (value: unknown): boolean =>
  typeof value === "number" && value >= 0 && value <= MAX_TIMER_MS;

function checkTimeouts(
  owner: "client" | "call",
  options: Pick<ClientConfig, "connectTimeoutMs" | "readTimeoutMs">,
): InvalidOption | undefined {
  for (const name of ["connectTimeoutMs", "readTimeoutMs"] as const) {
    const value = options[name];
    if (value !== undefined && !isPositive(value)) {
      return {
        path: `${owner} ${name}`,
        value,
        expected: `a positive number of milliseconds up to ${MAX_TIMER_MS}`,
      };
    }
  }
  return undefined;
}

function checkRetry(
  owner: "client" | "call",
  retry: RetryOptions | undefined,
): InvalidOption | undefined {
  if (retry === undefined) {
    return undefined;
  }
  if (typeof retry !== "object" || retry === null) {
    return { path: `${owner} retry`, value: retry, expected: "an object of retry options" };
  }
  const { maxAttempts, baseDelayMs, maxDelayMs } = retry;
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1)) {
    return {
      path: `${owner} retry.maxAttempts`,
      value: maxAttempts,
      expected: "an integer of at least 1 (1 disables retries)",
    };
  }
  for (const [name, value] of [
    ["baseDelayMs", baseDelayMs],
    ["maxDelayMs", maxDelayMs],
  ] as const) {
    if (value !== undefined && !isDelay(value)) {
      return {
        path: `${owner} retry.${name}`,
        value,
        expected: `0 to ${MAX_TIMER_MS} milliseconds`,
      };
    }
  }
  return undefined;
}

function findInvalidClientOption(config: ClientConfig): InvalidOption | undefined {
  const { protocol, signatureVersion, userAgent } = config;
  if (protocol !== undefined && protocol !== "https" && protocol !== "http") {
    return { path: "client protocol", value: protocol, expected: '"https" or "http"' };
  }
  if (signatureVersion !== undefined && signatureVersion !== "v3" && signatureVersion !== "v1") {
    return { path: "client signatureVersion", value: signatureVersion, expected: '"v3" or "v1"' };
  }
  for (const name of ["regionId", "network", "endpoint"] as const) {
    const value = config[name];
    if (value !== undefined && typeof value !== "string") {
      return { path: `client ${name}`, value, expected: "a string" };
    }
  }
  if (userAgent !== undefined && (typeof userAgent !== "string" || UNPRINTABLE.test(userAgent))) {
    return {
      path: "client userAgent",
      value: userAgent,
      expected: "printable ASCII text, which an HTTP header can carry",
    };
  }
  return checkTimeouts("client", config) ?? checkRetry("client", config.retry);
}

function invalidOptionError({ path, value, expected }: InvalidOption): ConfigurationError {
  const described = typeof value === "string" ? JSON.stringify(value) : String(value);
  return new ConfigurationError(
    "InvalidConfiguration",
    `The ${path} option is ${described}; set it to ${expected}.`,
  );
}

/**
 * Checks a client's options.
 *
 * @throws ConfigurationError `InvalidConfiguration` naming the first invalid option.
 */
export function checkClientConfig(config: ClientConfig): void {
  const invalid = findInvalidClientOption(config);
  if (invalid !== undefined) {
    throw invalidOptionError(invalid);
  }
}

/**
 * Checks the timeouts and retry options of one call.
 *
 * @throws ConfigurationError `InvalidConfiguration` naming the first invalid option.
 */
export function checkCallOptions(options: CallOptions): void {
  const invalid = checkTimeouts("call", options) ?? checkRetry("call", options.retry);
  if (invalid !== undefined) {
    throw invalidOptionError(invalid);
  }
}

/**
 * Reads the signing date from the client's `clock` option.
 *
 * @throws ConfigurationError `InvalidConfiguration` when it returns no valid `Date`.
 */
export function readClock(clock: () => Date): Date {
  const date: unknown = clock();
  if (date instanceof Date && !Number.isNaN(date.getTime())) {
    return date;
  }
  const described = date instanceof Date ? "an invalid Date" : String(date);
  throw new ConfigurationError(
    "InvalidConfiguration",
    `The client clock option returned ${described}; make it return a valid Date.`,
  );
}

/**
 * Reads the signature nonce from the client's `nonce` option.
 *
 * @throws ConfigurationError `InvalidConfiguration` when it returns no non-empty printable text,
 *   which the `x-acs-signature-nonce` header needs.
 */
export function readNonce(nonce: () => string): string {
  const value: unknown = nonce();
  if (typeof value === "string" && value !== "" && !UNPRINTABLE.test(value)) {
    return value;
  }
  const described = typeof value === "string" ? JSON.stringify(value) : String(value);
  throw new ConfigurationError(
    "InvalidConfiguration",
    `The client nonce option returned ${described}; make it return non-empty printable ASCII text, new for every attempt.`,
  );
}
