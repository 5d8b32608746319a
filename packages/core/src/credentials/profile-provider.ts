import type { Credential, CredentialProvider } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";
import { EcsRamRoleCredentialProvider } from "./ecs-ram-role-provider.js";
import { parseIni } from "./ini-file.js";
import {
  memoizeUntilFailure,
  type ProfileProviderOptions,
  readProfileFile,
  runtimeOptions,
} from "./profile-file.js";
import { readEnv, resolveHomeDir } from "./provider-options.js";
import { RamRoleArnCredentialProvider } from "./ram-role-arn-provider.js";
import { raceAbort } from "./session-cache.js";
import { StaticAkCredentialProvider } from "./static-credentials.js";

/** Options of {@link ProfileCredentialProvider}. */
export interface ProfileCredentialOptions extends ProfileProviderOptions {
  /** INI file; defaults to `ALIBABA_CLOUD_CREDENTIALS_FILE`, else `~/.alibabacloud/credentials`. */
  readonly credentialsFile?: string;
}

const SUPPORTED_TYPES = "access_key, ecs_ram_role, ram_role_arn";

/**
 * Reads a section of the shared INI credentials file (`~/.alibabacloud/credentials`). The
 * section is `profileName`, else `ALIBABA_CLOUD_PROFILE`, else `default`; its `type` is
 * `access_key`, `ecs_ram_role` or `ram_role_arn`. The file is read once, at the first call that
 * finds it. Credentials are reported as `profile/<inner provider>`.
 */
export class ProfileCredentialProvider implements CredentialProvider {
  readonly name = "profile";
  readonly #options: ProfileCredentialOptions;
  readonly #path: string;
  readonly #section: string;
  readonly #inner: () => Promise<CredentialProvider>;

  constructor(options: ProfileCredentialOptions = {}) {
    const env = options.env ?? process.env;
    this.#options = options;
    this.#path =
      options.credentialsFile ||
      readEnv(env, "ALIBABA_CLOUD_CREDENTIALS_FILE") ||
      process
        .getBuiltinModule("node:path")
        .join(resolveHomeDir(env, options.homeDir), ".alibabacloud", "credentials");
    this.#section = options.profileName || readEnv(env, "ALIBABA_CLOUD_PROFILE") || "default";
    this.#inner = memoizeUntilFailure(() => this.#loadProvider());
  }

  /**
   * @throws CredentialsError `CredentialSourceNotConfigured` when the file is missing,
   *   `InvalidCredentialConfigFile` for a missing section or key, `UnsupportedProfileMode` for
   *   another `type`, or the inner provider's error.
   */
  async getCredential(signal?: AbortSignal): Promise<Credential> {
    const inner = await raceAbort(this.#inner(), signal);
    const credential = await inner.getCredential(signal);
    return { ...credential, providerName: `${this.name}/${credential.providerName}` };
  }

  async #loadProvider(): Promise<CredentialProvider> {
    const sections = parseIni(await readProfileFile(this.name, this.#path));
    const section = sections.get(this.#section);
    const where = `section [${this.#section}] of ${this.#path}`;
    if (!section) {
      throw new CredentialsError(
        "InvalidCredentialConfigFile",
        this.name,
        `${this.#path} has no [${this.#section}] section; add it or set ALIBABA_CLOUD_PROFILE to one of: ${[...sections.keys()].join(", ") || "(none)"}`,
      );
    }
    const value = (key: string): string => {
      const found = section[key];
      if (!found) {
        throw new CredentialsError(
          "InvalidCredentialConfigFile",
          this.name,
          `${where} (type ${section.type}) has no ${key}`,
        );
      }
      return found;
    };
    const options = this.#options;
    switch (section.type) {
      case "access_key":
        return new StaticAkCredentialProvider({
          accessKeyId: value("access_key_id"),
          accessKeySecret: value("access_key_secret"),
        });
      case "ecs_ram_role":
        return new EcsRamRoleCredentialProvider({
          ...runtimeOptions(options),
          roleName: section.role_name,
          metadataUrl: options.ecsMetadataUrl,
        });
      case "ram_role_arn":
        return new RamRoleArnCredentialProvider({
          ...runtimeOptions(options),
          source: new StaticAkCredentialProvider({
            accessKeyId: value("access_key_id"),
            accessKeySecret: value("access_key_secret"),
          }),
          roleArn: value("role_arn"),
          roleSessionName: section.role_session_name,
          policy: section.policy,
          stsEndpoint: options.stsEndpoint,
        });
      default:
        throw new CredentialsError(
          "UnsupportedProfileMode",
          this.name,
          `${where} has type ${JSON.stringify(section.type ?? null)}; supported types: ${SUPPORTED_TYPES}`,
        );
    }
  }
}
