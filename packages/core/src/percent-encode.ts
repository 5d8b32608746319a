import { SerializationError } from "./errors/serialization-error.js";

const NOT_ENCODED_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;
const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;

function encodeReserved(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * Percent-encodes a string as RFC 3986 and Alibaba Cloud's signatures require: only
 * `A–Z a–z 0–9 - _ . ~` stay literal; every other character becomes `%XX` with uppercase hex over
 * its UTF-8 bytes (space is `%20`, never `+`).
 *
 * @param path - Where the value comes from, named in the error.
 * @throws SerializationError `InvalidUnicode` for a lone UTF-16 surrogate, which has no UTF-8 form.
 */
export function percentEncode(value: string, path?: string): string {
  // Most IDs and names need no encoding; skipping the two passes below halves the cost for them.
  if (UNRESERVED_ONLY.test(value)) {
    return value;
  }
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch (cause) {
    const where = path === undefined ? "A value" : `Parameter ${path}`;
    throw new SerializationError(
      "InvalidUnicode",
      `${where} contains a lone UTF-16 surrogate, which cannot be encoded as UTF-8; remove it or pair it.`,
      path,
      { cause },
    );
  }
  // encodeURIComponent leaves `! ' ( ) *` literal, which RFC 3986 reserves.
  return encoded.replace(NOT_ENCODED_BY_ENCODE_URI_COMPONENT, encodeReserved);
}

/**
 * Encodes parameters as `name=value` pairs joined by `&`, sorted by name in UTF-16 code-unit order
 * (`Key.10` before `Key.2`), names and values percent-encoded. This is both the canonical query
 * of the signatures and the wire form of query strings and form bodies.
 */
export function encodeSortedParameters(parameters: Readonly<Record<string, string>>): string {
  const names = Object.keys(parameters).sort();
  let encoded = "";
  for (const name of names) {
    if (encoded !== "") {
      encoded += "&";
    }
    encoded += `${percentEncode(name, name)}=${percentEncode(parameters[name] as string, name)}`;
  }
  return encoded;
}
