import type { Credential, CredentialProvider } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";
import { sendCredentialRequest } from "./credentials-http.js";
import { isEnvFlagSet, type ProviderRuntimeOptions, readEnv } from "./provider-options.js";
import { describeUrl } from "./secret-redaction.js";
import { SessionCache } from "./session-cache.js";
import { parseJsonBody, readSessionCredential } from "./session-response.js";

/** Address of the ECS instance metadata service inside an Alibaba Cloud VPC. */
export const DEFAULT_ECS_METADATA_URL = "http://100.100.100.200";

/** Lifetime requested for an IMDSv2 token: 6 hours, as the official runtime. */
const METADATA_TOKEN_TTL_SECONDS = 21600;

/** The official runtime fetches new instance credentials 1 hour before they expire. */
const ECS_STALE_WINDOW_MS = 60 * 60 * 1000;

/** The metadata service is link-local, so the official runtime waits only 1 second. */
const DEFAULT_TIMEOUT_MS = 1000;

const CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials/";

/** Options of {@link EcsRamRoleCredentialProvider}. */
export interface EcsRamRoleOptions extends ProviderRuntimeOptions {
  /** Base URL of the metadata service; default {@link DEFAULT_ECS_METADATA_URL}. */
  readonly metadataUrl?: string;
  /** RAM role attached to the instance; defaults to `ALIBABA_CLOUD_ECS_METADATA`, else discovered. */
  readonly roleName?: string;
  /**
   * Forbid requests without an IMDSv2 token; defaults to `ALIBABA_CLOUD_IMDSV1_DISABLED=true`.
   * When false, a failed token request or a request rejected with a token is retried without one.
   */
  readonly disableImdsV1?: boolean;
  /** Refresh when the session expires within this many milliseconds; default 1 hour. */
  readonly staleWindowMs?: number;
}

/**
 * Reads the credentials of the RAM role attached to an ECS instance from the instance metadata
 * service: an IMDSv2 token (`PUT /latest/api/token`), the role name, then the role's session.
 * Provider name `ecs_ram_role`.
 */
export class EcsRamRoleCredentialProvider implements CredentialProvider {
  readonly name = "ecs_ram_role";
  readonly #baseUrl: URL;
  readonly #roleName: string | undefined;
  readonly #disableImdsV1: boolean;
  readonly #connectTimeoutMs: number;
  readonly #readTimeoutMs: number;
  readonly #cache: SessionCache;

  /**
   * @throws CredentialsError `CredentialSourceNotConfigured` when
   *   `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`; `InvalidCredentialOptions` for a bad URL.
   */
  constructor(options: EcsRamRoleOptions = {}) {
    const env = options.env ?? process.env;
    if (isEnvFlagSet(env, "ALIBABA_CLOUD_ECS_METADATA_DISABLED")) {
      throw new CredentialsError(
        "CredentialSourceNotConfigured",
        this.name,
        "the metadata service is disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED=true",
      );
    }
    const metadataUrl = options.metadataUrl ?? DEFAULT_ECS_METADATA_URL;
    if (!URL.canParse(metadataUrl) || !/^https?:$/.test(new URL(metadataUrl).protocol)) {
      throw new CredentialsError(
        "InvalidCredentialOptions",
        this.name,
        `metadataUrl "${metadataUrl}" is not an http(s) URL`,
      );
    }
    this.#baseUrl = new URL(metadataUrl);
    this.#roleName = options.roleName || readEnv(env, "ALIBABA_CLOUD_ECS_METADATA");
    this.#disableImdsV1 =
      options.disableImdsV1 ?? isEnvFlagSet(env, "ALIBABA_CLOUD_IMDSV1_DISABLED");
    this.#connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#readTimeoutMs = options.readTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#cache = new SessionCache(this.name, () => this.#fetchSession(), {
      ...options,
      staleWindowMs: options.staleWindowMs ?? ECS_STALE_WINDOW_MS,
    });
  }

  getCredential(signal?: AbortSignal): Promise<Credential> {
    return this.#cache.get(signal);
  }

  async #fetchSession(): Promise<Credential> {
    const token = await this.#fetchToken();
    const roleName =
      this.#roleName ?? (await this.#getWithFallback(CREDENTIALS_PATH, token)).body.trim();
    if (roleName === "") {
      throw new CredentialsError(
        "CredentialSourceNotConfigured",
        this.name,
        `${describeUrl(this.#url(CREDENTIALS_PATH))} lists no RAM role; attach a role to the instance`,
      );
    }
    const path = `${CREDENTIALS_PATH}${encodeURIComponent(roleName)}`;
    const { url, body } = await this.#getWithFallback(path, token);
    const where = `GET ${describeUrl(url)}`;
    const data = parseJsonBody(this.name, body, where) as { Code?: unknown };
    if (data?.Code !== "Success") {
      throw new CredentialsError(
        "InvalidCredentialResponse",
        this.name,
        `the response of ${where} has Code ${JSON.stringify(data?.Code)}, expected "Success"`,
      );
    }
    return readSessionCredential(this.name, data, where);
  }

  /** Returns an IMDSv2 token, or `null` when it cannot be had and IMDSv1 is allowed. */
  async #fetchToken(): Promise<string | null> {
    const url = this.#url("/latest/api/token");
    try {
      const response = await sendCredentialRequest(this.name, {
        method: "PUT",
        url,
        headers: { "x-aliyun-ecs-metadata-token-ttl-seconds": String(METADATA_TOKEN_TTL_SECONDS) },
        connectTimeoutMs: this.#connectTimeoutMs,
        readTimeoutMs: this.#readTimeoutMs,
      });
      if (response.status !== 200) {
        throw this.#statusError("PUT", url, response.status);
      }
      return response.body;
    } catch (error) {
      if (this.#disableImdsV1) {
        throw error;
      }
      return null;
    }
  }

  /** GETs a metadata path with the token, retrying once without it when IMDSv1 is allowed. */
  async #getWithFallback(path: string, token: string | null): Promise<{ url: URL; body: string }> {
    try {
      return await this.#get(path, token);
    } catch (error) {
      if (token === null || this.#disableImdsV1) {
        throw error;
      }
      return this.#get(path, null);
    }
  }

  async #get(path: string, token: string | null): Promise<{ url: URL; body: string }> {
    const url = this.#url(path);
    const response = await sendCredentialRequest(this.name, {
      method: "GET",
      url,
      headers: token === null ? {} : { "x-aliyun-ecs-metadata-token": token },
      connectTimeoutMs: this.#connectTimeoutMs,
      readTimeoutMs: this.#readTimeoutMs,
    });
    if (response.status !== 200) {
      throw this.#statusError("GET", url, response.status);
    }
    return { url, body: response.body };
  }

  #url(path: string): URL {
    return new URL(path, this.#baseUrl);
  }

  #statusError(method: string, url: URL, status: number): CredentialsError {
    const hint =
      status === 404 ? "; check the role name and that a RAM role is attached to the instance" : "";
    return new CredentialsError(
      "CredentialRequestFailed",
      this.name,
      `${method} ${describeUrl(url)} returned HTTP ${status}${hint}`,
    );
  }
}
