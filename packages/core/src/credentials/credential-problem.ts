import { AcsError } from "../errors/acs-error.js";
import type { Credential, CredentialProvider } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";
import { UNPRINTABLE } from "./usable-credential.js";

/** Credential fields checked for unprintable characters, in the order reported. */
const CHECKED_FIELDS = ["accessKeyId", "accessKeySecret", "securityToken", "providerName"] as const;

/**
 * Explains why `isUsableCredential` rejected `credential`, naming only the field.
 *
 * @param providerName - Name of the provider that returned it, if one did.
 */
export function unusableCredentialError(
  credential: Credential | undefined,
  providerName?: string,
): CredentialsError {
  if (typeof credential !== "object" || credential === null) {
    return new CredentialsError(
      "InvalidCredentialResponse",
      providerName ?? "credentials",
      `the credential provider returned ${String(credential)} instead of a credential; make its getCredential resolve to { accessKeyId, accessKeySecret, providerName }.`,
    );
  }
  const named = credential.providerName;
  const provider = (typeof named === "string" && named) || providerName || "credentials";
  if (!credential.accessKeyId || !credential.accessKeySecret) {
    return new CredentialsError(
      "InvalidCredentialOptions",
      provider,
      "the credential has an empty accessKeyId or accessKeySecret; pass both in the client's credentials option.",
    );
  }
  if (named !== undefined && typeof named !== "string") {
    return new CredentialsError(
      "InvalidCredentialOptions",
      provider,
      `the credential's providerName is ${typeof named}; make it text such as "static_ak", or leave it out.`,
    );
  }
  // Node.js throws an untyped TypeError for such a header. The value may be a secret, so the
  // message names the field only.
  const field = CHECKED_FIELDS.find((name) => UNPRINTABLE.test(credential[name] ?? ""));
  return new CredentialsError(
    "InvalidCredentialOptions",
    provider,
    `the credential's ${field} contains a control or non-ASCII character (such as a trailing newline); remove it from the value given to the client.`,
  );
}

/**
 * Wraps what a credential provider threw in a `CredentialsError`, unless it already is one of
 * the runtime's errors.
 */
export function credentialProviderError(provider: CredentialProvider, error: unknown): AcsError {
  return error instanceof AcsError
    ? error
    : new CredentialsError(
        "CredentialRequestFailed",
        provider.name,
        `the credential provider failed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
}
