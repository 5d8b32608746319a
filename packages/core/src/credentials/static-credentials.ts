import type { Credential, CredentialProvider } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";

/** A long-lived AccessKey pair. */
export interface AccessKeyOptions {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** An STS session: an AccessKey pair plus its security token. */
export interface StsTokenOptions extends AccessKeyOptions {
  readonly securityToken: string;
  /** When the session stops working, if known; it is only reported, never refreshed. */
  readonly expiration?: Date;
}

function requireValue(provider: string, field: string, value: string | undefined): string {
  if (value === undefined || value.trim() === "") {
    throw new CredentialsError(
      "InvalidCredentialOptions",
      provider,
      `${field} is empty; pass the value issued by RAM (or STS for a security token).`,
    );
  }
  return value;
}

/** Returns the same AccessKey pair on every call (provider name `static_ak`). */
export class StaticAkCredentialProvider implements CredentialProvider {
  readonly name = "static_ak";
  readonly #credential: Credential;

  /** @throws CredentialsError `InvalidCredentialOptions` when a field is empty. */
  constructor(options: AccessKeyOptions) {
    this.#credential = {
      accessKeyId: requireValue(this.name, "accessKeyId", options.accessKeyId),
      accessKeySecret: requireValue(this.name, "accessKeySecret", options.accessKeySecret),
      providerName: this.name,
    };
  }

  async getCredential(): Promise<Credential> {
    return this.#credential;
  }
}

/**
 * Returns the same STS session on every call (provider name `static_sts`). The session is not
 * renewed: once it expires, requests fail with the service's token-expired error.
 */
export class StaticStsCredentialProvider implements CredentialProvider {
  readonly name = "static_sts";
  readonly #credential: Credential;

  /** @throws CredentialsError `InvalidCredentialOptions` when a field is empty. */
  constructor(options: StsTokenOptions) {
    this.#credential = {
      accessKeyId: requireValue(this.name, "accessKeyId", options.accessKeyId),
      accessKeySecret: requireValue(this.name, "accessKeySecret", options.accessKeySecret),
      securityToken: requireValue(this.name, "securityToken", options.securityToken),
      ...(options.expiration ? { expiration: options.expiration } : {}),
      providerName: this.name,
    };
  }

  async getCredential(): Promise<Credential> {
    return this.#credential;
  }
}
