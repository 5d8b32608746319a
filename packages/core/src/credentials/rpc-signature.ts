import { createHmac } from "node:crypto";

/**
 * Percent-encodes per RFC 3986 as the RPC signature requires: `A-Za-z0-9-_.~` stay literal,
 * everything else becomes `%XX` (upper case) of its UTF-8 bytes. Plain `encodeURIComponent`
 * leaves `!'()*` literal, which makes STS answer `SignatureDoesNotMatch` for values holding them.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Formats a time as the RPC `Timestamp` parameter: UTC `yyyy-MM-ddTHH:mm:ssZ`, no milliseconds. */
export function formatRpcTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

/**
 * Builds the legacy RPC (HMAC-SHA1, SignatureVersion 1.0) string to sign:
 * `METHOD&%2F&encode(k1=v1&k2=v2…)` over every query and form parameter sorted by key.
 */
export function buildRpcStringToSign(
  method: string,
  parameters: Readonly<Record<string, string>>,
): string {
  const canonicalQuery = Object.keys(parameters)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(parameters[key] ?? "")}`)
    .join("&");
  return `${method}&${percentEncode("/")}&${percentEncode(canonicalQuery)}`;
}

/** Computes `Base64(HMAC-SHA1(accessKeySecret + "&", stringToSign))`. */
export function signRpcString(stringToSign: string, accessKeySecret: string): string {
  return createHmac("sha1", `${accessKeySecret}&`).update(stringToSign, "utf8").digest("base64");
}
