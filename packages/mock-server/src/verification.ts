import { timingSafeEqual } from "node:crypto";
import type { MockCredential } from "./credential-store.js";
import { ACS_ERRORS, AcsError } from "./errors.js";
import { redactText, type SignatureKind } from "./request-log.js";

/** The signer of a request that passed verification. */
export interface VerifiedCaller {
  readonly accessKeyId: string;
  readonly signature: SignatureKind;
}

/** Compares two signatures without leaking, through timing, how much of them matched. */
export function signaturesEqual(received: string, expected: string): boolean {
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks the security token a request presented against its credential: STS credentials need
 * exactly their token, and a long-lived AccessKey takes none. `where` names the header or
 * parameter that carries it.
 */
export function checkSecurityToken(
  credential: MockCredential,
  presented: string | undefined,
  where: string,
): void {
  if (credential.securityToken === undefined) {
    if (presented !== undefined) {
      throw AcsError.withDetail(
        "InvalidSecurityToken.MismatchWithAccessKey",
        `The request carries ${where}, but ${credential.accessKeyId} is a long-lived AccessKey; send no token with it.`,
      );
    }
    return;
  }
  if (presented === undefined || presented === "") {
    throw AcsError.withDetail(
      "MissingSecurityToken",
      `${credential.accessKeyId} is an STS AccessKey; send its token in ${where}.`,
    );
  }
  if (!signaturesEqual(presented, credential.securityToken)) {
    throw AcsError.withDetail(
      "InvalidSecurityToken.MismatchWithAccessKey",
      `The token in ${where} is not the one issued with ${credential.accessKeyId}.`,
    );
  }
}

/**
 * `SignatureDoesNotMatch` worded as the gateway words it, with the server's string to sign so a
 * client can compare it with its own. Security tokens inside it are redacted.
 */
export function signatureMismatch(stringToSign: string, secrets: readonly string[]): AcsError {
  return new AcsError(
    "SignatureDoesNotMatch",
    `${ACS_ERRORS.SignatureDoesNotMatch.message} server string to sign is:${redactText(stringToSign, secrets)}`,
  );
}
