import { CliProfileCredentialProvider } from "./cli-profile-provider.js";
import type { Credential, CredentialProvider } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";
import { CredentialsUriProvider } from "./credentials-uri-provider.js";
import { EcsRamRoleCredentialProvider } from "./ecs-ram-role-provider.js";
import { EnvCredentialProvider } from "./env-provider.js";
import { OidcRoleArnCredentialProvider } from "./oidc-role-arn-provider.js";
import { type ProfileProviderOptions, runtimeOptions } from "./profile-file.js";
import { ProfileCredentialProvider } from "./profile-provider.js";
import { readEnv } from "./provider-options.js";
import { raceAbort } from "./session-cache.js";

/** Options of {@link defaultCredentialChain}. */
export interface DefaultChainOptions extends ProfileProviderOptions {
  /**
   * Try the ECS instance metadata service (at `ecsMetadataUrl`). It is off by default, unlike
   * in the official runtime, so that machines outside Alibaba Cloud never send traffic to the
   * metadata address. Setting `ALIBABA_CLOUD_ECS_METADATA` (the role name) also turns it on,
   * and `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true` turns it off regardless.
   */
  readonly enableEcsRamRole?: boolean;
}

interface ChainStep {
  readonly name: string;
  /** Builds the provider; throws a `CredentialsError` when its source is not configured. */
  readonly create: () => CredentialProvider;
}

const WHAT_TO_DO =
  "Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure a profile with `aliyun configure`, or pass `credentials` in the client configuration.";

/**
 * Tries, in the official runtime's order: environment variables, OIDC role ARN, the CLI profile
 * (`~/.aliyun/config.json`), the INI profile (`~/.alibabacloud/credentials`), the ECS RAM role
 * (only when enabled) and the credentials URI. The first provider that returns a credential is
 * remembered and used alone afterwards. Credentials are reported as `default/<inner provider>`.
 */
export class DefaultCredentialChain implements CredentialProvider {
  readonly name = "default";
  readonly #options: DefaultChainOptions;
  #selected: CredentialProvider | undefined;
  #selecting: Promise<{ provider: CredentialProvider; credential: Credential }> | undefined;

  constructor(options: DefaultChainOptions = {}) {
    this.#options = options;
  }

  /**
   * @throws CredentialsError `NoCredentialsInChain` listing why each provider failed; once a
   *   provider was selected, that provider's own errors.
   */
  async getCredential(signal?: AbortSignal): Promise<Credential> {
    let credential: Credential;
    if (this.#selected) {
      credential = await this.#selected.getCredential(signal);
    } else {
      if (!this.#selecting) {
        this.#selecting = this.#select().finally(() => {
          this.#selecting = undefined;
        });
      }
      credential = (await raceAbort(this.#selecting, signal)).credential;
    }
    return { ...credential, providerName: `${this.name}/${credential.providerName}` };
  }

  async #select(): Promise<{ provider: CredentialProvider; credential: Credential }> {
    const failures: Error[] = [];
    const reasons: string[] = [];
    for (const step of this.#steps()) {
      try {
        const provider = step.create();
        const credential = await provider.getCredential();
        this.#selected = provider;
        this.#options.logger?.debug("credential provider selected", { provider: provider.name });
        return { provider, credential };
      } catch (error) {
        const reason = describe(step.name, error);
        this.#options.logger?.debug("credential provider skipped", { provider: step.name, reason });
        reasons.push(reason);
        failures.push(error instanceof Error ? error : new Error(reason));
      }
    }
    throw new CredentialsError(
      "NoCredentialsInChain",
      this.name,
      `no provider in the chain returned credentials: ${reasons.join("; ")}. ${WHAT_TO_DO}`,
      { cause: new AggregateError(failures, "every provider of the default chain failed") },
    );
  }

  #steps(): ChainStep[] {
    const options = this.#options;
    const env = options.env ?? process.env;
    const shared = runtimeOptions(options);
    const sts = { ...shared, stsEndpoint: options.stsEndpoint };
    return [
      { name: "env", create: () => new EnvCredentialProvider({ env }) },
      { name: "oidc_role_arn", create: () => new OidcRoleArnCredentialProvider(sts) },
      { name: "cli_profile", create: () => new CliProfileCredentialProvider(options) },
      { name: "profile", create: () => new ProfileCredentialProvider(options) },
      {
        name: "ecs_ram_role",
        create: () => {
          const enabled =
            options.enableEcsRamRole === true ||
            readEnv(env, "ALIBABA_CLOUD_ECS_METADATA") !== undefined;
          if (!enabled) {
            throw new CredentialsError(
              "CredentialSourceNotConfigured",
              "ecs_ram_role",
              "not enabled; on an ECS instance set ALIBABA_CLOUD_ECS_METADATA to the role name or pass enableEcsRamRole",
            );
          }
          return new EcsRamRoleCredentialProvider({
            ...shared,
            metadataUrl: options.ecsMetadataUrl,
          });
        },
      },
      { name: "credential_uri", create: () => new CredentialsUriProvider(shared) },
    ];
  }
}

/** Formats a failure as `<provider>: <reason>`; `CredentialsError` messages carry the prefix. */
function describe(provider: string, error: unknown): string {
  if (error instanceof CredentialsError) {
    return error.message;
  }
  return `${provider}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Creates the default credential chain, used by clients configured without `credentials`.
 * Pass `env` and `homeDir` to read somewhere other than `process.env` and the user's home.
 */
export function defaultCredentialChain(options: DefaultChainOptions = {}): CredentialProvider {
  return new DefaultCredentialChain(options);
}
