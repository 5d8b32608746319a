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

/**
 * `node:crypto`, loaded on first use rather than when the application imports the client:
 * importing it costs milliseconds at start-up.
 */
function nodeCrypto(): typeof import("node:crypto") {
  loadedCrypto ??= process.getBuiltinModule("node:crypto");
  return loadedCrypto;
}

let loadedCrypto: typeof import("node:crypto") | undefined;

/** Returns the lowercase hex SHA-256 of a string's UTF-8 bytes or of raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return nodeCrypto().createHash("sha256").update(data).digest("hex");
}

/**
 * Returns a random UUID for `x-acs-signature-nonce`, as Alibaba Cloud's Java SDK sends; any
 * string unique per request is accepted.
 */
export function randomNonce(): string {
  return nodeCrypto().randomUUID();
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
  const { values, names } = mergeHeaders(headers, signedHeaders);
  return {
    canonicalHeaders: formatCanonicalHeaders(values, names),
    signedHeaders: names.join(";"),
  };
}

/**
 * Merges header occurrences by lowercase name, the way the official runtime merges them: trimmed
 * values, sorted, joined with "," (no space). Returns the names to sign, sorted: `signedHeaders`
 * when given (as a server reads them from `Authorization`), else every name
 * {@link isSignedByDefault} accepts.
 */
function mergeHeaders(
  headers: HeaderValues,
  signedHeaders: readonly string[] | undefined,
): { values: Record<string, string>; names: string[] } {
  const occurrences: Record<string, string[]> = Object.create(null);
  for (const rawName of Object.keys(headers)) {
    const name = rawName.toLowerCase();
    const value = headers[rawName];
    for (const item of typeof value === "string" ? [value] : (value ?? [])) {
      occurrences[name] = [...(occurrences[name] ?? []), item.trim()];
    }
  }
  const names = [
    ...new Set(
      signedHeaders?.map((name) => name.toLowerCase()) ??
        Object.keys(occurrences).filter(isSignedByDefault),
    ),
  ].sort();
  const values: Record<string, string> = Object.create(null);
  for (const name of names) {
    values[name] = occurrences[name]?.sort().join(",") ?? "";
  }
  return { values, names };
}

/** Formats one `name:value\n` line per name, with the value trimmed. */
function formatCanonicalHeaders(
  headers: Readonly<Record<string, string>>,
  names: readonly string[],
): string {
  let text = "";
  for (const name of names) {
    text += `${name}:${headers[name]?.trim()}\n`;
  }
  return text;
}

/** Applies the V3 canonical-URI substitutions to an already percent-encoded path. */
export function canonicalizeUri(pathname: string): string {
  return pathname.replaceAll("+", "%20").replaceAll("*", "%2A").replaceAll("%7E", "~");
}

/** The request parts a V3 signature covers besides the headers. */
export interface CanonicalParts {
  readonly method: string;
  /** Percent-encoded path without the query. */
  readonly pathname: string;
  /** Output of {@link canonicalizeQuery}. */
  readonly canonicalQuery: string;
  /** Hex SHA-256 of the body. */
  readonly payloadHash: string;
}

/**
 * Computes the canonical request, string to sign and signature. `headers` maps lowercase names
 * to values (merged, as {@link canonicalizeHeaders} merges occurrences); `signedHeaders` lists
 * the names to sign, sorted. {@link computeAcs3Signature} is the general entry point.
 */
export function signCanonicalParts(
  parts: CanonicalParts,
  headers: Readonly<Record<string, string>>,
  signedHeaders: readonly string[],
  accessKeySecret: string,
): Acs3Signature {
  const names = signedHeaders.join(";");
  const canonicalRequest =
    `${parts.method}\n${canonicalizeUri(parts.pathname)}\n${parts.canonicalQuery}\n` +
    `${formatCanonicalHeaders(headers, signedHeaders)}\n${names}\n${parts.payloadHash}`;
  const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  return {
    canonicalRequest,
    stringToSign,
    signature: nodeCrypto()
      .createHmac("sha256", accessKeySecret)
      .update(stringToSign)
      .digest("hex"),
    signedHeaders: names,
    payloadHash: parts.payloadHash,
  };
}

/**
 * Computes a V3 signature from a request description. A server verifies a request by passing the
 * received method, path, decoded query, headers, body bytes and the `SignedHeaders` list from
 * {@link parseAuthorization}, then comparing `signature`.
 */
export function computeAcs3Signature(input: Acs3SignatureInput): Acs3Signature {
  const { body } = input;
  const { values, names } = mergeHeaders(input.headers, input.signedHeaders);
  return signCanonicalParts(
    {
      method: input.method,
      pathname: input.pathname,
      canonicalQuery: canonicalizeQuery(input.query),
      payloadHash: body?.length ? sha256Hex(body) : EMPTY_BODY_SHA256,
    },
    values,
    names,
    input.accessKeySecret,
  );
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

/** True for the headers a client signs: `host`, `content-type` and every `x-acs-*` header. */
export function isSignedByDefault(lowercaseName: string): boolean {
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
