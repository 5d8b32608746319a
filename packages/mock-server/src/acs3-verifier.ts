import {
  ACS3_ALGORITHM,
  computeAcs3Signature,
  parseAuthorization,
  sha256Hex,
} from "@acs-sdk/core/protocol";
import type { CredentialStore } from "./credential-store.js";
import { AcsError, missingParameter } from "./errors.js";
import type { ReceivedRequest } from "./received-request.js";
import type { ReplayGuard } from "./replay-guard.js";
import { redactText } from "./request-log.js";
import {
  checkSecurityToken,
  signatureMismatch,
  signaturesEqual,
  type VerifiedCaller,
} from "./verification.js";

/** Headers every V3 request carries besides `Authorization`. */
const REQUIRED_HEADERS = ["x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"] as const;

/**
 * Verifies an ACS3-HMAC-SHA256 request: recomputes the signature from the received method, path,
 * query, signed headers and body bytes with the configured secret, and checks the body hash, the
 * security token, the `x-acs-date` skew and the nonce. Throws the gateway's error otherwise.
 *
 * @param query - the decoded query pairs as received.
 * @param onCanonicalRequest - receives the server's canonical request (tokens redacted) once
 *   computed, so a rejected request's log entry can show it.
 */
export function verifyAcs3(
  request: ReceivedRequest,
  query: ReadonlyArray<readonly [string, string]>,
  credentials: CredentialStore,
  replayGuard: ReplayGuard,
  onCanonicalRequest: (canonicalRequest: string) => void,
): VerifiedCaller {
  const header = request.headers.authorization ?? "";
  const authorization = parseAuthorization(header);
  if (authorization === undefined) {
    throw AcsError.withDetail(
      "IncompleteSignature",
      `The Authorization header must read "${ACS3_ALGORITHM} Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>".`,
    );
  }
  if (authorization.algorithm !== ACS3_ALGORITHM) {
    throw AcsError.withDetail(
      "IncompleteSignature",
      `The signature algorithm ${authorization.algorithm} is not supported; sign with ${ACS3_ALGORITHM}.`,
    );
  }
  const credential = credentials.find(authorization.accessKeyId);
  if (credential === undefined) {
    throw AcsError.withDetail(
      "InvalidAccessKeyId.NotFound",
      `No credential with the AccessKey ID ${authorization.accessKeyId} is configured.`,
    );
  }
  for (const name of REQUIRED_HEADERS) {
    if (request.headers[name] === undefined) {
      throw missingParameter(name);
    }
  }
  checkSignedHeaderList(request.headers, authorization.signedHeaders);
  const headerKeyId = request.headers["x-acs-accesskey-id"];
  if (headerKeyId !== undefined && headerKeyId !== authorization.accessKeyId) {
    throw AcsError.withDetail(
      "IncompleteSignature",
      `x-acs-accesskey-id is ${headerKeyId} but the Authorization Credential is ${authorization.accessKeyId}.`,
    );
  }
  checkSecurityToken(credential, request.headers["x-acs-security-token"], "x-acs-security-token");
  replayGuard.checkTimestamp(request.headers["x-acs-date"] ?? "", "x-acs-date");

  const secrets = credentials.secrets();
  const declaredHash = request.headers["x-acs-content-sha256"] ?? "";
  const bodyHash = sha256Hex(request.body);
  if (declaredHash !== bodyHash) {
    throw AcsError.withDetail(
      "SignatureDoesNotMatch",
      `x-acs-content-sha256 is ${declaredHash}, but the ${request.body.length} body bytes received hash to ${bodyHash}.`,
    );
  }
  const expected = computeAcs3Signature({
    method: request.method,
    pathname: request.pathname,
    query,
    headers: request.headers,
    body: request.body,
    accessKeySecret: credential.accessKeySecret,
    signedHeaders: authorization.signedHeaders,
  });
  onCanonicalRequest(redactText(expected.canonicalRequest, secrets));
  if (!signaturesEqual(authorization.signature, expected.signature)) {
    throw signatureMismatch(expected.stringToSign, secrets);
  }
  replayGuard.claimNonce(credential.accessKeyId, request.headers["x-acs-signature-nonce"] ?? "");
  return { accessKeyId: credential.accessKeyId, signature: ACS3_ALGORITHM };
}

/**
 * Every `host`, `content-type` and `x-acs-*` header present must be signed: otherwise a
 * changed header value would go unnoticed.
 */
function checkSignedHeaderList(
  headers: Readonly<Record<string, string>>,
  signedHeaders: readonly string[],
): void {
  const signed = new Set(signedHeaders);
  for (const name of Object.keys(headers)) {
    const mustSign = name === "host" || name === "content-type" || name.startsWith("x-acs-");
    if (mustSign && !signed.has(name)) {
      throw AcsError.withDetail(
        "IncompleteSignature",
        `The header ${name} is sent but not listed in SignedHeaders; sign every host, content-type and x-acs-* header.`,
      );
    }
  }
}
