import { computeRpcV1Signature } from "@acs-sdk/core/protocol";
import type { CredentialStore } from "./credential-store.js";
import { AcsError, missingParameter } from "./errors.js";
import type { ReplayGuard } from "./replay-guard.js";
import {
  checkSecurityToken,
  signatureMismatch,
  signaturesEqual,
  type VerifiedCaller,
} from "./verification.js";

/** Common parameters every legacy-signed request carries. */
const REQUIRED_PARAMETERS = [
  "AccessKeyId",
  "Signature",
  "SignatureMethod",
  "SignatureVersion",
  "SignatureNonce",
  "Timestamp",
] as const;

/** Tells whether a request carries the legacy signature (a `Signature` query or form parameter). */
export function rpcV1Signed(parameters: ReadonlyMap<string, string>): boolean {
  return parameters.has("Signature");
}

/**
 * Verifies a legacy RPC request (HMAC-SHA1, SignatureVersion 1.0): the signature covers every
 * query and form parameter except `Signature`, so `parameters` is their union as received.
 */
export function verifyRpcV1(
  method: string,
  parameters: ReadonlyMap<string, string>,
  credentials: CredentialStore,
  replayGuard: ReplayGuard,
): VerifiedCaller {
  for (const name of REQUIRED_PARAMETERS) {
    if (!parameters.has(name)) {
      throw missingParameter(name);
    }
  }
  const signatureMethod = parameters.get("SignatureMethod");
  const signatureVersion = parameters.get("SignatureVersion");
  if (signatureMethod !== "HMAC-SHA1" || signatureVersion !== "1.0") {
    throw AcsError.withDetail(
      "IncompleteSignature",
      `SignatureMethod ${signatureMethod} with SignatureVersion ${signatureVersion} is not supported; use HMAC-SHA1 and 1.0.`,
    );
  }
  const accessKeyId = parameters.get("AccessKeyId") ?? "";
  const credential = credentials.find(accessKeyId);
  if (credential === undefined) {
    throw AcsError.withDetail(
      "InvalidAccessKeyId.NotFound",
      `No credential with the AccessKey ID ${accessKeyId} is configured.`,
    );
  }
  checkSecurityToken(credential, parameters.get("SecurityToken"), "the SecurityToken parameter");
  replayGuard.checkTimestamp(parameters.get("Timestamp") ?? "", "Timestamp");

  const signed: Record<string, string> = {};
  for (const [key, value] of parameters) {
    if (key !== "Signature") {
      signed[key] = value;
    }
  }
  const expected = computeRpcV1Signature({
    method,
    parameters: signed,
    accessKeySecret: credential.accessKeySecret,
  });
  if (!signaturesEqual(parameters.get("Signature") ?? "", expected.signature)) {
    throw signatureMismatch(expected.stringToSign, credentials.secrets());
  }
  replayGuard.claimNonce(accessKeyId, parameters.get("SignatureNonce") ?? "");
  return { accessKeyId, signature: "HMAC-SHA1" };
}
