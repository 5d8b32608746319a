/** A resolved credential: an AccessKey pair, optionally with an STS security token. */
export interface Credential {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Present for STS credentials; sent as `x-acs-security-token`. */
  readonly securityToken?: string;
  /** When session credentials stop working; absent for long-lived AccessKeys. */
  readonly expiration?: Date;
  /**
   * Name of the provider that produced the credential (`static_ak`, `env`, `default/env`, …),
   * sent in the signed `x-acs-credentials-provider` header as the official runtime does.
   */
  readonly providerName: string;
}

/**
 * Source of credentials. Implementations cache session credentials and refresh them before they
 * expire, so callers may call `getCredential` before every request.
 */
export interface CredentialProvider {
  /** Provider name used in error messages and in `Credential.providerName`. */
  readonly name: string;
  getCredential(signal?: AbortSignal): Promise<Credential>;
}
