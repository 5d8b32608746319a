/**
 * Errors for credentials the client cannot use. Loaded only when a credential fails, so that the
 * messages stay out of the default call path.
 */

import { CredentialsError } from "./credentials/credentials-error.js";
import { AcsError } from "./errors.js";

/** Passes runtime errors through and wraps anything else a provider throws. */
export function toCredentialsError(providerName: string, error: unknown): Error {
  if (error instanceof AcsError || error instanceof CredentialsError) {
    return error;
  }
  return new CredentialsError(
    "CredentialRequestFailed",
    providerName,
    `the credential provider failed: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}

/** Builds the error for a credential with an empty AccessKey ID or secret. */
export function emptyCredentialError(providerName: string): CredentialsError {
  return new CredentialsError(
    "InvalidCredentialOptions",
    providerName || "credentials",
    "the credential has an empty accessKeyId or accessKeySecret; pass both in the client's credentials option.",
  );
}
