import { formatTimestamp } from "../signing/request-signer.js";
import type { Credential, CredentialProvider } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";
import { type ProviderRuntimeOptions, readEnv } from "./provider-options.js";
import { SessionCache } from "./session-cache.js";
import {
  callSts,
  type RoleSessionOptions,
  resolveRoleSession,
  STS_API_VERSION,
} from "./sts-request.js";

/** Options of {@link OidcRoleArnCredentialProvider}; unset fields come from the environment. */
export interface OidcRoleArnOptions extends RoleSessionOptions, ProviderRuntimeOptions {
  /** Role to assume; defaults to `ALIBABA_CLOUD_ROLE_ARN`. */
  readonly roleArn?: string;
  /** ARN of the RAM OIDC identity provider; defaults to `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`. */
  readonly oidcProviderArn?: string;
  /**
   * File containing the OIDC token, re-read at every refresh because platforms such as
   * Kubernetes rotate it; defaults to `ALIBABA_CLOUD_OIDC_TOKEN_FILE`.
   */
  readonly oidcTokenFile?: string;
  /** Policy document (JSON text) that further restricts the session. */
  readonly policy?: string;
  /** Refresh when the session expires within this many milliseconds; default 15 minutes. */
  readonly staleWindowMs?: number;
}

/**
 * Exchanges an OIDC token for an STS session through `AssumeRoleWithOIDC` (an anonymous call:
 * the token is the proof, so nothing is signed) and caches the session until it nears expiry.
 * Provider name `oidc_role_arn`.
 */
export class OidcRoleArnCredentialProvider implements CredentialProvider {
  readonly name = "oidc_role_arn";
  readonly #tokenFile: string;
  readonly #endpoint: URL;
  readonly #form: Readonly<Record<string, string>>;
  readonly #options: OidcRoleArnOptions;
  readonly #now: () => number;
  readonly #cache: SessionCache;

  /**
   * @throws CredentialsError `CredentialSourceNotConfigured` when the role, the identity provider
   *   or the token file is unknown; `InvalidCredentialOptions` for a bad duration or endpoint.
   */
  constructor(options: OidcRoleArnOptions = {}) {
    const env = options.env ?? process.env;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    const required = (value: string | undefined, variable: string, option: string): string => {
      const found = value || readEnv(env, variable);
      if (!found) {
        throw new CredentialsError(
          "CredentialSourceNotConfigured",
          this.name,
          `${variable} is not set (or pass ${option})`,
        );
      }
      return found;
    };
    const roleArn = required(options.roleArn, "ALIBABA_CLOUD_ROLE_ARN", "roleArn");
    const providerArn = required(
      options.oidcProviderArn,
      "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
      "oidcProviderArn",
    );
    this.#tokenFile = required(
      options.oidcTokenFile,
      "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
      "oidcTokenFile",
    );
    const session = resolveRoleSession(this.name, options, env, this.#now());
    this.#endpoint = session.endpoint;
    this.#form = {
      OIDCProviderArn: providerArn,
      RoleArn: roleArn,
      ...(options.policy ? { Policy: options.policy } : {}),
      ...session.form,
    };
    this.#cache = new SessionCache(this.name, () => this.#assumeRole(), options);
  }

  getCredential(signal?: AbortSignal): Promise<Credential> {
    return this.#cache.get(signal);
  }

  async #assumeRole(): Promise<Credential> {
    let token: string;
    try {
      token = await process.getBuiltinModule("node:fs/promises").readFile(this.#tokenFile, "utf8");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
      throw new CredentialsError(
        "CredentialSourceNotConfigured",
        this.name,
        `cannot read the OIDC token file ${this.#tokenFile} (${reason}); check ALIBABA_CLOUD_OIDC_TOKEN_FILE and the file's permissions`,
      );
    }
    return callSts({
      provider: this.name,
      endpoint: this.#endpoint,
      query: {
        Version: STS_API_VERSION,
        Action: "AssumeRoleWithOIDC",
        Format: "JSON",
        Timestamp: formatTimestamp(new Date(this.#now())),
      },
      form: { ...this.#form, OIDCToken: token },
      secrets: [token],
      connectTimeoutMs: this.#options.connectTimeoutMs,
      readTimeoutMs: this.#options.readTimeoutMs,
    });
  }
}
