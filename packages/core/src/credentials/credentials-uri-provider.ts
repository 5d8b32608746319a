import type { Credential, CredentialProvider } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";
import { sendCredentialRequest } from "./credentials-http.js";
import { type ProviderRuntimeOptions, readEnv } from "./provider-options.js";
import { describeUrl } from "./secret-redaction.js";
import { SessionCache } from "./session-cache.js";
import { parseJsonBody, readSessionCredential } from "./session-response.js";

/** Timeouts of the official runtime for the credentials URI. */
const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
const DEFAULT_READ_TIMEOUT_MS = 10000;

/** Options of {@link CredentialsUriProvider}. */
export interface CredentialsUriOptions extends ProviderRuntimeOptions {
  /** URL that returns a session for `GET`; defaults to `ALIBABA_CLOUD_CREDENTIALS_URI`. */
  readonly credentialsUri?: string;
  /** Refresh when the session expires within this many milliseconds; default 15 minutes. */
  readonly staleWindowMs?: number;
}

/**
 * Fetches a session from a local credentials endpoint (a sidecar or agent) that responds to `GET`
 * with HTTP 200 and JSON `AccessKeyId`, `AccessKeySecret`, `SecurityToken`, `Expiration`.
 * Provider name `credential_uri`, as in the official runtime.
 */
export class CredentialsUriProvider implements CredentialProvider {
  readonly name = "credential_uri";
  readonly #url: URL;
  readonly #options: CredentialsUriOptions;
  readonly #cache: SessionCache;

  /**
   * @throws CredentialsError `CredentialSourceNotConfigured` when no URI is given or set;
   *   `InvalidCredentialOptions` when it is not an http(s) URL.
   */
  constructor(options: CredentialsUriOptions = {}) {
    const uri =
      options.credentialsUri ||
      readEnv(options.env ?? process.env, "ALIBABA_CLOUD_CREDENTIALS_URI");
    if (!uri) {
      throw new CredentialsError(
        "CredentialSourceNotConfigured",
        this.name,
        "ALIBABA_CLOUD_CREDENTIALS_URI is not set (or pass credentialsUri)",
      );
    }
    const url = URL.canParse(uri) ? new URL(uri) : undefined;
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      throw new CredentialsError(
        "InvalidCredentialOptions",
        this.name,
        // Only the scheme is shown: the URI may embed a token.
        `the credentials URI (scheme "${url?.protocol ?? "none"}") is not an http(s) URL`,
      );
    }
    this.#url = url;
    this.#options = options;
    this.#cache = new SessionCache(this.name, () => this.#fetchSession(), options);
  }

  getCredential(signal?: AbortSignal): Promise<Credential> {
    return this.#cache.get(signal);
  }

  async #fetchSession(): Promise<Credential> {
    const where = `GET ${describeUrl(this.#url)}`;
    const response = await sendCredentialRequest(this.name, {
      method: "GET",
      url: this.#url,
      connectTimeoutMs: this.#options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      readTimeoutMs: this.#options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
    });
    if (response.status !== 200) {
      throw new CredentialsError(
        "CredentialRequestFailed",
        this.name,
        `${where} returned HTTP ${response.status}`,
      );
    }
    return readSessionCredential(this.name, parseJsonBody(this.name, response.body, where), where);
  }
}
