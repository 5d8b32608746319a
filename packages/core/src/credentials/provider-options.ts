import type { Logger } from "../config.js";

/** Environment variables as a plain map, so tests and embedders can pass their own. */
export type EnvironmentVariables = Readonly<Record<string, string | undefined>>;

/** Options every provider that reads the environment, a clock or the network accepts. */
export interface ProviderRuntimeOptions {
  /** Environment to read instead of `process.env`. */
  readonly env?: EnvironmentVariables;
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. Tests inject a fake one. */
  readonly now?: () => number;
  /** Receives refresh diagnostics at `debug` and `warn` level; never secrets. */
  readonly logger?: Logger;
  /** Connect timeout of credential HTTP requests, in milliseconds. */
  readonly connectTimeoutMs?: number;
  /** Maximum wait for response bytes of credential HTTP requests, in milliseconds. */
  readonly readTimeoutMs?: number;
}

/** Returns a non-empty environment variable, or `undefined` when it is unset or empty. */
export function readEnv(env: EnvironmentVariables, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** Reads a boolean flag the way the official runtime does: only `true` (any case) is true. */
export function isEnvFlagSet(env: EnvironmentVariables, name: string): boolean {
  return readEnv(env, name)?.toLowerCase() === "true";
}

/**
 * Returns the home directory that contains `.aliyun/` and `.alibabacloud/`: the explicit option,
 * else `HOME` (or `USERPROFILE` on Windows) from the given environment, else the OS account's.
 */
export function resolveHomeDir(env: EnvironmentVariables, homeDir?: string): string {
  return (
    homeDir ??
    readEnv(env, "HOME") ??
    readEnv(env, "USERPROFILE") ??
    process.getBuiltinModule("node:os").homedir()
  );
}
