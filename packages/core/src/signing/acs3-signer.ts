import type { Credential } from "../credentials/credential.js";
import {
  formatAcs3Authorization,
  isSignedByDefault,
  signCanonicalParts,
} from "./acs3-signature.js";
import {
  type AttemptContext,
  formatTimestamp,
  type PreparedRequest,
  type RequestSigner,
  type SignedRequest,
} from "./request-signer.js";

/**
 * Signs requests with ACS3-HMAC-SHA256. Headers are built in the order the official runtime
 * builds them; per-call headers may override the protocol headers, as they can there.
 *
 * Retries carry `x-acs-retry-attempts` (attempts made before this one) and `x-acs-retry-delay`
 * (milliseconds slept), as `@alicloud/openapi-core` sends them. Both are `x-acs-*`, so signed.
 */
export const acs3Signer: RequestSigner = {
  sign(request: PreparedRequest, credential: Credential, attempt: AttemptContext): SignedRequest {
    const headers: Record<string, string> = {
      host: request.endpoint.host,
      "x-acs-version": request.apiVersion,
      "x-acs-action": request.action,
      "user-agent": request.userAgent,
      "x-acs-date": formatTimestamp(attempt.date),
      "x-acs-signature-nonce": attempt.nonce,
      accept: "application/json",
      ...request.headers,
    };
    if (attempt.retriesSoFar > 0) {
      headers["x-acs-retry-attempts"] = String(attempt.retriesSoFar);
      headers["x-acs-retry-delay"] = String(attempt.delayMs);
    }
    if (request.contentType !== undefined) {
      headers["content-type"] = request.contentType;
    }
    headers["x-acs-content-sha256"] = request.payloadHash;
    if (credential.providerName) {
      headers["x-acs-credentials-provider"] = credential.providerName;
    }
    if (credential.securityToken) {
      headers["x-acs-accesskey-id"] = credential.accessKeyId;
      headers["x-acs-security-token"] = credential.securityToken;
    }
    // Names are lowercase and unique: the literals above plus `request.headers`, which the
    // serializer merged by lowercase name.
    const signature = signCanonicalParts(
      request,
      headers,
      Object.keys(headers).filter(isSignedByDefault).sort(),
      credential.accessKeySecret,
    );
    headers.authorization = formatAcs3Authorization(
      credential.accessKeyId,
      signature.signedHeaders,
      signature.signature,
    );
    return {
      path:
        request.canonicalQuery === ""
          ? request.pathname
          : `${request.pathname}?${request.canonicalQuery}`,
      headers,
      stringToSign: signature.stringToSign,
      canonicalRequest: signature.canonicalRequest,
    };
  },
};
