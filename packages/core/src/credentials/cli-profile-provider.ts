import type { Credential, CredentialProvider } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";
import { EcsRamRoleCredentialProvider } from "./ecs-ram-role-provider.js";
import { OidcRoleArnCredentialProvider } from "./oidc-role-arn-provider.js";
import {
  memoizeUntilFailure,
  type ProfileProviderOptions,
  readProfileFile,
  runtimeOptions,
} from "./profile-file.js";
import { isEnvFlagSet, readEnv, resolveHomeDir } from "./provider-options.js";
import { RamRoleArnCredentialProvider } from "./ram-role-arn-provider.js";
import { raceAbort } from "./session-cache.js";
import { StaticAkCredentialProvider, StaticStsCredentialProvider } from "./static-credentials.js";

/** Profile modes this runtime implements, in the order the Alibaba Cloud CLI documents them. */
const SUPPORTED_MODES = "AK, StsToken, RamRoleArn, EcsRamRole, OIDC, ChainableRamRoleArn";

/** One entry of `profiles` in `~/.aliyun/config.json`; only the fields read here. */
type CliProfile = Readonly<Record<string, unknown>> & { readonly name?: unknown };

/**
 * Reads a profile of the Alibaba Cloud CLI configuration (`~/.aliyun/config.json`). The profile
 * is `profileName`, else `ALIBABA_CLOUD_PROFILE`, else the file's `current`. Disabled by
 * `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true`. Credentials are reported as
 * `cli_profile/<inner provider>`.
 *
 * NOTE: the modes CloudSSO, OAuth and External (a `process_command`) are not implemented and
 * raise `UnsupportedProfileMode`.
 */
export class CliProfileCredentialProvider implements CredentialProvider {
  readonly name = "cli_profile";
  readonly #options: ProfileProviderOptions;
  readonly #path: string;
  readonly #inner: () => Promise<CredentialProvider>;

  /** @throws CredentialsError `CredentialSourceNotConfigured` when disabled by the environment. */
  constructor(options: ProfileProviderOptions = {}) {
    const env = options.env ?? process.env;
    if (isEnvFlagSet(env, "ALIBABA_CLOUD_CLI_PROFILE_DISABLED")) {
      throw new CredentialsError(
        "CredentialSourceNotConfigured",
        this.name,
        "disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true",
      );
    }
    this.#options = options;
    this.#path = process
      .getBuiltinModule("node:path")
      .join(resolveHomeDir(env, options.homeDir), ".aliyun", "config.json");
    this.#inner = memoizeUntilFailure(() => this.#loadProvider());
  }

  /**
   * @throws CredentialsError `CredentialSourceNotConfigured` when the file is missing,
   *   `InvalidCredentialConfigFile` for bad JSON or a missing profile or field,
   *   `UnsupportedProfileMode` for another mode, or the inner provider's error.
   */
  async getCredential(signal?: AbortSignal): Promise<Credential> {
    const inner = await raceAbort(this.#inner(), signal);
    const credential = await inner.getCredential(signal);
    return { ...credential, providerName: `${this.name}/${credential.providerName}` };
  }

  async #loadProvider(): Promise<CredentialProvider> {
    const text = await readProfileFile(this.name, this.#path);
    let config: { current?: unknown; profiles?: unknown };
    try {
      config = JSON.parse(text) as typeof config;
    } catch {
      // The parser's message quotes the file, which contains secrets, so it is not passed on.
      throw this.#fileError(`${this.#path} is not valid JSON; fix it or run \`aliyun configure\``);
    }
    const profiles = Array.isArray(config?.profiles) ? (config.profiles as CliProfile[]) : [];
    if (profiles.length === 0) {
      throw this.#fileError(`${this.#path} has no profiles; run \`aliyun configure\``);
    }
    const env = this.#options.env ?? process.env;
    const name =
      this.#options.profileName ||
      readEnv(env, "ALIBABA_CLOUD_PROFILE") ||
      (typeof config.current === "string" ? config.current : "");
    return this.#providerFor(profiles, name, []);
  }

  #providerFor(profiles: CliProfile[], name: string, chain: string[]): CredentialProvider {
    const profile = profiles.find((candidate) => candidate.name === name);
    if (!profile) {
      const names = profiles.map((candidate) => String(candidate.name)).join(", ");
      throw this.#fileError(
        `${this.#path} has no profile named "${name}" (profiles: ${names}); set ALIBABA_CLOUD_PROFILE or "current" to one of them`,
      );
    }
    const mode = profile.mode;
    const where = `profile "${name}" (mode ${String(mode)}) in ${this.#path}`;
    const text = (field: string): string | undefined => {
      const value = profile[field];
      return typeof value === "string" && value !== "" ? value : undefined;
    };
    const required = (field: string): string => {
      const value = text(field);
      if (value === undefined) {
        throw this.#fileError(
          `${where} has no ${field}; run \`aliyun configure --profile ${name}\``,
        );
      }
      return value;
    };
    // The CLI writes 0 for unset numbers; 0 means "use the default" as in the official runtime.
    const seconds = (field: string): number | undefined => {
      const value = profile[field];
      return typeof value === "number" && value !== 0 ? value : undefined;
    };
    const options = this.#options;
    const roleOptions = () => ({
      ...runtimeOptions(options),
      roleArn: required("ram_role_arn"),
      roleSessionName: text("ram_session_name"),
      stsRegionId: text("sts_region"),
      stsEndpoint: text("sts_endpoint") ?? options.stsEndpoint,
      enableVpc: profile.enable_vpc === true ? true : undefined,
    });
    switch (mode) {
      case "AK":
        return new StaticAkCredentialProvider({
          accessKeyId: required("access_key_id"),
          accessKeySecret: required("access_key_secret"),
        });
      case "StsToken":
        return new StaticStsCredentialProvider({
          accessKeyId: required("access_key_id"),
          accessKeySecret: required("access_key_secret"),
          securityToken: required("sts_token"),
        });
      case "RamRoleArn":
        return new RamRoleArnCredentialProvider({
          ...roleOptions(),
          source: new StaticAkCredentialProvider({
            accessKeyId: required("access_key_id"),
            accessKeySecret: required("access_key_secret"),
          }),
          durationSeconds: seconds("expired_seconds"),
        });
      case "ChainableRamRoleArn": {
        const source = required("source_profile");
        if (chain.includes(source) || source === name) {
          throw this.#fileError(
            `${where} forms a source_profile cycle (${[...chain, name, source].join(" -> ")}); end the chain at a profile with its own credentials`,
          );
        }
        return new RamRoleArnCredentialProvider({
          ...roleOptions(),
          source: this.#providerFor(profiles, source, [...chain, name]),
          durationSeconds: seconds("expired_seconds"),
        });
      }
      case "EcsRamRole":
        return new EcsRamRoleCredentialProvider({
          ...runtimeOptions(options),
          roleName: text("ram_role_name"),
          metadataUrl: options.ecsMetadataUrl,
        });
      case "OIDC":
        return new OidcRoleArnCredentialProvider({
          ...roleOptions(),
          oidcProviderArn: required("oidc_provider_arn"),
          oidcTokenFile: required("oidc_token_file"),
          durationSeconds: seconds("duration_seconds") ?? seconds("expired_seconds"),
        });
      default:
        throw new CredentialsError(
          "UnsupportedProfileMode",
          this.name,
          `${where} uses a mode this runtime does not support; supported modes: ${SUPPORTED_MODES}. Switch the profile or pass credentials to the client explicitly`,
        );
    }
  }

  #fileError(message: string): CredentialsError {
    return new CredentialsError("InvalidCredentialConfigFile", this.name, message);
  }
}
