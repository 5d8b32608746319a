/**
 * The ACS3-HMAC-SHA256 ("V3") signature as pure functions over a request description, so that a
 * client can sign and a server can verify with the same code.
 *
 * Canonical request (Alibaba Cloud's V3 signature, as `@alicloud/openapi-core` 1.0.8 builds it):
 *
 * ```text
 * METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HexSHA256(body)
 * ```
 *
 * where CanonicalHeaders has one `name:value\n` line per signed header, so an empty line follows.
 * StringToSign is `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical request, and the signature
 * is hex HMAC-SHA256 of it keyed with the raw AccessKey secret.
 */

import { createHash, createHmac } from "node:crypto";
import { encodeSortedParameters, percentEncode } from "../percent-encode.js";

/** Signature algorithm name, the first word of the `Authorization` header. */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** Hex SHA-256 of the empty string: the payload hash of a request without a body. */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/**
 * Header values by name. Names may use any case; names equal after lowercasing, and array values,
 * are occurrences of one header, merged as the signature requires.
 */
export type HeaderValues = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Decoded query parameters, as a record or as `[name, value]` pairs (`URLSearchParams` works). */
export type QueryParameters =
  | Readonly<Record<string, string | null | undefined>>
  | Iterable<readonly [string, string]>;

/** Everything the V3 signature covers, plus the secret that keys it. */
export interface Acs3SignatureInput {
  /** HTTP method as sent (`POST`). */
  readonly method: string;
  /** Path as sent on the request line, already percent-encoded, without the query. */
  readonly pathname: string;
  /** Decoded query parameters; names and values are percent-encoded here. */
  readonly query?: QueryParameters;
  readonly headers: HeaderValues;
  /** Exact body bytes sent; absent for a request without a body. */
  readonly body?: string | Uint8Array;
  readonly accessKeySecret: string;
  /**
   * Header names to sign, as listed in a received `Authorization` header. Defaults to every
   * `host`, `content-type` and `x-acs-*` header present, which is what a client signs.
   */
  readonly signedHeaders?: readonly string[];
}

/** The intermediate strings and the result of a V3 signature. */
export interface Acs3Signature {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  /** Lowercase hex HMAC-SHA256. */
  readonly signature: string;
  /** Sorted lowercase header names joined by `;`. */
  readonly signedHeaders: string;
  /** Hex SHA-256 of the body, the value `x-acs-content-sha256` must carry. */
  readonly payloadHash: string;
}

/** Returns the lowercase hex SHA-256 of a string's UTF-8 bytes or of raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Builds the canonical query string: parameters sorted by name in UTF-16 code-unit order (the
 * JavaScript default sort), each `name=value` with both parts percent-encoded, joined by `&`.
 * A missing value renders as `name=`.
 *
 * NOTE: `@alicloud/openapi-core` 1.0.8 leaves names unencoded while Alibaba's V3 documentation
 * encodes them. This follows the documentation; both agree for names made of `A-Z a-z 0-9 - _ . ~`,
 * which is every name the generated clients produce.
 */
export function canonicalizeQuery(query: QueryParameters | undefined): string {
  if (query === undefined) {
    return "";
  }
  if (!isIterable(query)) {
    const record: Record<string, string> = Object.create(null);
    for (const name of Object.keys(query)) {
      record[name] = query[name] ?? "";
    }
    return encodeSortedParameters(record);
  }
  const pairs: [string, string][] = [];
  for (const [name, value] of query) {
    pairs.push([name, value]);
  }
  // A stable sort by name keeps repeated names in their received order.
  pairs.sort(compareByName);
  return pairs
    .map(([name, value]) => `${percentEncode(name, name)}=${percentEncode(value, name)}`)
    .join("&");
}

/** Builds the canonical headers block (each line ending in `\n`) and the signed-headers list. */
export function canonicalizeHeaders(
  headers: HeaderValues,
  signedHeaders?: readonly string[],
): { canonicalHeaders: string; signedHeaders: string } {
  // Trimmed values by lowercase name; a name with several occurrences keeps a list. This runs for
  // every request, so the common case (one string per name) allocates no list.
  const values: Record<string, string | string[]> = Object.create(null);
  const names: string[] = [];
  const wanted = signedHeaders === undefined ? undefined : new Set<string>();
  for (const name of signedHeaders ?? []) {
    const lowercase = name.toLowerCase();
    if (!wanted?.has(lowercase)) {
      wanted?.add(lowercase);
      names.push(lowercase);
    }
  }
  for (const rawName of Object.keys(headers)) {
    const value = headers[rawName];
    if (value === undefined) {
      continue;
    }
    const name = rawName.toLowerCase();
    if (wanted === undefined ? !isSignedByDefault(name) : !wanted.has(name)) {
      continue;
    }
    const isNew = values[name] === undefined;
    if (typeof value === "string") {
      addOccurrence(values, name, value);
    } else {
      for (const item of value) {
        addOccurrence(values, name, item);
      }
    }
    if (isNew && wanted === undefined && values[name] !== undefined) {
      names.push(name);
    }
  }
  names.sort();
  let canonicalHeaders = "";
  for (const name of names) {
    // Occurrences of one header are merged the way the official runtime merges them: sorted, then
    // joined with "," (no space).
    const value = values[name] ?? "";
    canonicalHeaders += `${name}:${typeof value === "string" ? value : value.sort().join(",")}\n`;
  }
  return { canonicalHeaders, signedHeaders: names.join(";") };
}

/**
 * Builds what {@link canonicalizeHeaders} builds, for headers a client made itself (lowercase,
 * unique names, string values), without the bookkeeping for repeated names. Runs per request.
 */
export function canonicalizeNormalizedHeaders(headers: Readonly<Record<string, string>>): {
  canonicalHeaders: string;
  signedHeaders: string;
} {
  const names: string[] = [];
  for (const name of Object.keys(headers)) {
    if (isSignedByDefault(name)) {
      names.push(name);
    }
  }
  names.sort();
  let canonicalHeaders = "";
  for (const name of names) {
    canonicalHeaders += `${name}:${(headers[name] as string).trim()}\n`;
  }
  return { canonicalHeaders, signedHeaders: names.join(";") };
}

/** Applies the V3 canonical-URI substitutions to an already percent-encoded path. */
export function canonicalizeUri(pathname: string): string {
  return pathname.replaceAll("+", "%20").replaceAll("*", "%2A").replaceAll("%7E", "~");
}

/**
 * Computes the canonical request, string to sign and signature from parts that are already
 * canonical; {@link computeAcs3Signature} is the general entry point.
 */
export function signCanonicalParts(parts: {
  readonly method: string;
  readonly pathname: string;
  readonly canonicalQuery: string;
  /** Output of {@link canonicalizeHeaders}. */
  readonly headers: { readonly canonicalHeaders: string; readonly signedHeaders: string };
  readonly payloadHash: string;
  readonly accessKeySecret: string;
}): Acs3Signature {
  const { canonicalHeaders, signedHeaders } = parts.headers;
  const canonicalRequest =
    `${parts.method}\n${canonicalizeUri(parts.pathname)}\n${parts.canonicalQuery}\n` +
    `${canonicalHeaders}\n${signedHeaders}\n${parts.payloadHash}`;
  const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac("sha256", parts.accessKeySecret).update(stringToSign).digest("hex");
  return {
    canonicalRequest,
    stringToSign,
    signature,
    signedHeaders,
    payloadHash: parts.payloadHash,
  };
}

/**
 * Computes a V3 signature from a request description. A server verifies a request by passing the
 * received method, path, decoded query, headers, body bytes and the `SignedHeaders` list from
 * {@link parseAuthorization}, then comparing `signature`.
 */
export function computeAcs3Signature(input: Acs3SignatureInput): Acs3Signature {
  const payloadHash =
    input.body === undefined || input.body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(input.body);
  return signCanonicalParts({
    method: input.method,
    pathname: input.pathname,
    canonicalQuery: canonicalizeQuery(input.query),
    headers: canonicalizeHeaders(input.headers, input.signedHeaders),
    payloadHash,
    accessKeySecret: input.accessKeySecret,
  });
}

/** Formats the `Authorization` header value: no spaces after the commas. */
export function formatAcs3Authorization(
  accessKeyId: string,
  signedHeaders: string,
  signature: string,
): string {
  return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

/** The parts of a V3 `Authorization` header. */
export interface ParsedAuthorization {
  /** First word of the header (`ACS3-HMAC-SHA256`). */
  readonly algorithm: string;
  readonly accessKeyId: string;
  /** Lowercase names in the order the header lists them. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/**
 * Parses `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>`. Returns
 * `undefined` when the algorithm or one of the three fields is missing or empty. Spaces after the
 * commas are tolerated.
 */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const trimmed = header.trim();
  const space = trimmed.indexOf(" ");
  if (space <= 0) {
    return undefined;
  }
  const fields = new Map<string, string>();
  for (const field of trimmed.slice(space + 1).split(",")) {
    const equals = field.indexOf("=");
    if (equals > 0) {
      fields.set(field.slice(0, equals).trim(), field.slice(equals + 1).trim());
    }
  }
  const accessKeyId = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKeyId || !signedHeaders || !signature) {
    return undefined;
  }
  return {
    algorithm: trimmed.slice(0, space),
    accessKeyId,
    signedHeaders: signedHeaders.split(";").map((name) => name.trim().toLowerCase()),
    signature,
  };
}

function isSignedByDefault(lowercaseName: string): boolean {
  return (
    lowercaseName.startsWith("x-acs-") ||
    lowercaseName === "host" ||
    lowercaseName === "content-type"
  );
}

function isIterable(value: object): value is Iterable<readonly [string, string]> {
  return typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === "function";
}

function compareByName(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] === b[0]) {
    return 0;
  }
  return a[0] < b[0] ? -1 : 1;
}

function addOccurrence(
  values: Record<string, string | string[]>,
  name: string,
  value: string,
): void {
  const existing = values[name];
  if (existing === undefined) {
    values[name] = value.trim();
  } else if (typeof existing === "string") {
    values[name] = [existing, value.trim()];
  } else {
    existing.push(value.trim());
  }
}
