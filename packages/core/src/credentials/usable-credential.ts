import type { Credential } from "./credential.js";

// The check is apart from its error messages (credential-problem.ts), which the client imports
// only when a credential fails it.

/** Pattern of a character outside printable ASCII, which no AccessKey or STS token contains. */
export const UNPRINTABLE = /[^\x20-\x7e]/;

/**
 * Tells whether a credential can sign a request: both AccessKey parts set, and no character that
 * an HTTP header cannot carry in the ID, secret, token or provider name.
 */
export function isUsableCredential(credential: Credential | undefined): boolean {
  // A provider written in JavaScript may resolve to nothing at all.
  if (typeof credential !== "object" || credential === null) {
    return false;
  }
  const { accessKeyId, accessKeySecret, securityToken = "", providerName = "" } = credential;
  return (
    !!accessKeyId &&
    !!accessKeySecret &&
    typeof providerName === "string" &&
    !UNPRINTABLE.test(accessKeyId + accessKeySecret + securityToken + providerName)
  );
}
