import type { Credential, CredentialProvider } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";
import { type EnvironmentVariables, readEnv } from "./provider-options.js";

/** Options of {@link EnvCredentialProvider}. */
export interface EnvCredentialOptions {
  /** Environment to read instead of `process.env`. */
  readonly env?: EnvironmentVariables;
}

/**
 * Reads `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and the optional
 * `ALIBABA_CLOUD_SECURITY_TOKEN` on every call, so a rotated value is picked up. The provider
 * name is `env` with or without a token, as in the official runtime.
 */
export class EnvCredentialProvider implements CredentialProvider {
  readonly name = "env";
  readonly #env: EnvironmentVariables;

  constructor(options: EnvCredentialOptions = {}) {
    this.#env = options.env ?? process.env;
  }

  /** @throws CredentialsError `CredentialSourceNotConfigured` when a required variable is unset. */
  async getCredential(): Promise<Credential> {
    const accessKeyId = readEnv(this.#env, "ALIBABA_CLOUD_ACCESS_KEY_ID");
    if (accessKeyId === undefined) {
      throw this.#notSet("ALIBABA_CLOUD_ACCESS_KEY_ID");
    }
    const accessKeySecret = readEnv(this.#env, "ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    if (accessKeySecret === undefined) {
      throw this.#notSet("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    }
    const securityToken = readEnv(this.#env, "ALIBABA_CLOUD_SECURITY_TOKEN");
    return {
      accessKeyId,
      accessKeySecret,
      ...(securityToken === undefined ? {} : { securityToken }),
      providerName: this.name,
    };
  }

  #notSet(variable: string): CredentialsError {
    return new CredentialsError(
      "CredentialSourceNotConfigured",
      this.name,
      `${variable} is not set`,
    );
  }
}
