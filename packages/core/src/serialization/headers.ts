import { ConfigurationError } from "../errors/configuration-error.js";
import { SerializationError } from "../errors/serialization-error.js";

// Characters Node.js accepts in a header value; checked first to name the parameter in the error.
const INVALID_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * Adds a header by lowercase name. Occurrences of one name merge into one value, sorted and
 * joined by `,`, so the header is sent as one line and signed in the same form.
 *
 * @throws SerializationError `UnserializableValue` for a value HTTP headers cannot carry.
 */
export function addHeader(headers: Record<string, string>, name: string, value: string): void {
  if (INVALID_HEADER_VALUE.test(value)) {
    throw new SerializationError(
      "UnserializableValue",
      `Header ${name} has a line break, a control character or a character above U+00FF, which HTTP headers cannot carry; encode the value first.`,
      name,
    );
  }
  const key = name.toLowerCase();
  const existing = headers[key];
  headers[key] = existing === undefined ? value : [existing, value].sort().join(",");
}

/**
 * Headers the client and its signers set on every request. A call's own value would change what
 * the request does (`x-acs-action` names another operation) or break its signature.
 */
const CLIENT_HEADERS = new Set([
  "accept",
  "authorization",
  "content-length",
  "content-type",
  "host",
  "user-agent",
  "x-acs-accesskey-id",
  "x-acs-action",
  "x-acs-content-sha256",
  "x-acs-credentials-provider",
  "x-acs-date",
  "x-acs-retry-attempts",
  "x-acs-retry-delay",
  "x-acs-security-token",
  "x-acs-signature-nonce",
  "x-acs-version",
]);

/**
 * Adds the extra headers of one call (`CallOptions.headers`) to the serialized ones.
 *
 * @throws ConfigurationError `InvalidConfiguration` for a header the client sets itself.
 * @throws SerializationError `UnserializableValue` for a value HTTP headers cannot carry.
 */
export function addCallHeaders(
  headers: Record<string, string>,
  extra: Readonly<Record<string, string>>,
): void {
  for (const name in extra) {
    if (CLIENT_HEADERS.has(name.toLowerCase())) {
      throw new ConfigurationError(
        "InvalidConfiguration",
        `The call's headers include ${name}, which the client sets on every request; remove it (userAgent in the client configuration adds to user-agent).`,
      );
    }
    addHeader(headers, name, extra[name] as string);
  }
}
