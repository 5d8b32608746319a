import { CredentialsError } from "./credentials-error.js";
import type { ProviderRuntimeOptions } from "./provider-options.js";

/** Options shared by the CLI profile and INI profile providers. */
export interface ProfileProviderOptions extends ProviderRuntimeOptions {
  /** Profile to use; defaults to `ALIBABA_CLOUD_PROFILE`, then the file's own default. */
  readonly profileName?: string;
  /** Directory holding `.aliyun/` and `.alibabacloud/`; defaults to `HOME` from `env`. */
  readonly homeDir?: string;
  /** STS endpoint (host or URL) for role profiles that do not name their own. */
  readonly stsEndpoint?: string;
  /**
   * Metadata service base URL for profiles of the ECS RAM role mode; default
   * `http://100.100.100.200`. Such a profile is itself the opt-in to call the metadata service.
   */
  readonly ecsMetadataUrl?: string;
}

/**
 * Reads a profile file.
 *
 * @throws CredentialsError `CredentialSourceNotConfigured` when the file does not exist, and
 *   `InvalidCredentialConfigFile` when it exists but cannot be read.
 */
export async function readProfileFile(provider: string, path: string): Promise<string> {
  try {
    return await process.getBuiltinModule("node:fs/promises").readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new CredentialsError("CredentialSourceNotConfigured", provider, `${path} not found`);
    }
    throw new CredentialsError(
      "InvalidCredentialConfigFile",
      provider,
      `cannot read ${path} (${code ?? "unknown error"}); check the file's permissions`,
    );
  }
}

/**
 * Memoizes an async loader while letting a failed load be retried on the next call, so a
 * profile file created after a failure is picked up.
 */
export function memoizeUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => {
        pending = undefined;
      });
    }
    return pending;
  };
}

/** Picks the options a profile passes on to the provider it builds. */
export function runtimeOptions(options: ProviderRuntimeOptions): ProviderRuntimeOptions {
  const { env, now, logger, connectTimeoutMs, readTimeoutMs } = options;
  return { env, now, logger, connectTimeoutMs, readTimeoutMs };
}
