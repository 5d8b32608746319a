import { AcsError } from "../errors/acs-error.js";

/**
 * Stable codes of {@link CredentialsError}. Callers branch on these, so they never change meaning.
 *
 * - `InvalidCredentialOptions`: a provider was constructed with a missing or out-of-range option.
 * - `CredentialSourceNotConfigured`: the source a provider reads (an environment variable, a
 *   file, the metadata service) is not set up, so the default chain moves on to its next provider.
 * - `InvalidCredentialConfigFile`: a CLI or INI profile file exists but cannot be used.
 * - `UnsupportedProfileMode`: a profile names a mode or type this runtime does not implement.
 * - `CredentialRequestFailed`: an STS, metadata or credentials-URI request failed or was rejected.
 * - `InvalidCredentialResponse`: such a request succeeded but its body lacks usable credentials.
 * - `InvalidAccessKeySecret`: STS computed the same string to sign, so only the secret can differ.
 * - `NoCredentialsInChain`: every provider of the default chain failed.
 */
export type CredentialsErrorCode =
  | "InvalidCredentialOptions"
  | "CredentialSourceNotConfigured"
  | "InvalidCredentialConfigFile"
  | "UnsupportedProfileMode"
  | "CredentialRequestFailed"
  | "InvalidCredentialResponse"
  | "InvalidAccessKeySecret"
  | "NoCredentialsInChain";

/**
 * Failure to resolve a credential. Messages name the provider, the value or file involved and
 * what to change. They never contain an AccessKey secret, a security token or an OIDC token.
 * It extends `AcsError`, so one `instanceof AcsError` check covers every runtime error.
 */
export class CredentialsError extends AcsError {
  override readonly name = "CredentialsError";
  declare readonly code: CredentialsErrorCode;
  /** Name of the provider that failed (`env`, `ram_role_arn/static_ak`, `default`, …). */
  declare readonly provider: string;

  constructor(
    code: CredentialsErrorCode,
    provider: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, `${provider}: ${message}`, options);
    this.provider = provider;
  }
}
