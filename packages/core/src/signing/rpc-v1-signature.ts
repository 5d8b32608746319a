/**
 * The legacy RPC signature (HMAC-SHA1, `SignatureVersion=1.0`), selected with
 * `signatureVersion: "v1"`. Kept in its own module so that clients using the default V3 signature
 * never load it.
 *
 * StringToSign is `METHOD&%2F&` + percent-encode(canonical query), where the canonical query is
 * every parameter except `Signature` (query and form body), sorted and percent-encoded. The
 * signature is Base64 HMAC-SHA1 keyed with the secret followed by `&`.
 */

import type { Credential } from "../credentials/credential.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { encodeSortedParameters, percentEncode } from "../percent-encode.js";
import {
  type AttemptContext,
  formatTimestamp,
  type PreparedRequest,
  type RequestSigner,
  type SignedRequest,
} from "./request-signer.js";

/** Inputs of the legacy RPC signature. */
export interface RpcV1SignatureInput {
  /** HTTP method as sent (`GET`, `POST`). */
  readonly method: string;
  /** Every request parameter (query and form body) except `Signature`, decoded. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly accessKeySecret: string;
}

/** The intermediate strings and the result of a legacy RPC signature. */
export interface RpcV1Signature {
  readonly canonicalQuery: string;
  readonly stringToSign: string;
  /** Base64 HMAC-SHA1, sent (percent-encoded) as the `Signature` query parameter. */
  readonly signature: string;
}

/** Computes the legacy RPC (HMAC-SHA1) signature of a parameter set. */
export function computeRpcV1Signature(input: RpcV1SignatureInput): RpcV1Signature {
  const canonicalQuery = encodeSortedParameters(input.parameters);
  const stringToSign = `${input.method}&${percentEncode("/")}&${percentEncode(canonicalQuery)}`;
  const signature = process
    .getBuiltinModule("node:crypto")
    .createHmac("sha1", `${input.accessKeySecret}&`)
    .update(stringToSign)
    .digest("base64");
  return { canonicalQuery, stringToSign, signature };
}

/**
 * Signs RPC operations with the legacy signature. The common parameters (`Action`, `Version`,
 * `Timestamp`, …) and `Signature` travel in the query. Body parameters stay in the form body, but
 * they are signed too.
 */
export const rpcV1Signer: RequestSigner = {
  sign(request: PreparedRequest, credential: Credential, attempt: AttemptContext): SignedRequest {
    if (request.style !== "RPC") {
      throw new ConfigurationError(
        "InvalidConfiguration",
        `signatureVersion "v1" signs RPC operations only, but ${request.action} is ROA; remove signatureVersion to use the V3 signature.`,
      );
    }
    const query: Record<string, string> = {
      ...request.query,
      Action: request.action,
      Version: request.apiVersion,
      Format: "JSON",
      Timestamp: formatTimestamp(attempt.date),
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      SignatureNonce: attempt.nonce,
      AccessKeyId: credential.accessKeyId,
    };
    if (credential.securityToken) {
      query.SecurityToken = credential.securityToken;
    }
    const signature = computeRpcV1Signature({
      method: request.method,
      parameters: { ...request.formParameters, ...query },
      accessKeySecret: credential.accessKeySecret,
    });
    query.Signature = signature.signature;

    const headers: Record<string, string> = {
      host: request.endpoint.host,
      "x-acs-version": request.apiVersion,
      "x-acs-action": request.action,
      "user-agent": request.userAgent,
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
    if (credential.providerName) {
      headers["x-acs-credentials-provider"] = credential.providerName;
    }
    return {
      path: `${request.pathname}?${encodeSortedParameters(query)}`,
      headers,
      stringToSign: signature.stringToSign,
      canonicalRequest: "",
    };
  },
};
