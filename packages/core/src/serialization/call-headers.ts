import { ConfigurationError } from "../errors/configuration-error.js";
import { addHeader } from "./headers.js";

// This module is kept apart from headers.ts, which the full request serializer imports, so that
// applications load it and its error class only with the first call that passes headers.

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

/** An HTTP header name (an RFC 9110 token); Node.js rejects any other name. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Adds the extra headers of one call (`CallOptions.headers`) to the serialized ones.
 *
 * @throws ConfigurationError `InvalidConfiguration` for a header the client sets itself, a name
 *   that is not an HTTP token or a value that is not a string.
 * @throws SerializationError `UnserializableValue` for a value HTTP headers cannot carry.
 */
export function addCallHeaders(
  headers: Record<string, string>,
  extra: Readonly<Record<string, string>>,
): void {
  for (const name in extra) {
    const value: unknown = extra[name];
    const validName = HEADER_NAME.test(name);
    if (!validName || typeof value !== "string") {
      const problem = validName
        ? `has the value ${String(value)}; pass a string`
        : "is not a valid HTTP header name; remove spaces and separators from it";
      throw new ConfigurationError(
        "InvalidConfiguration",
        `The call's header ${JSON.stringify(name)} ${problem}.`,
      );
    }
    if (CLIENT_HEADERS.has(name.toLowerCase())) {
      throw new ConfigurationError(
        "InvalidConfiguration",
        `The call's headers include ${name}, which the client sets on every request; remove it (userAgent in the client configuration adds to user-agent).`,
      );
    }
    addHeader(headers, name, value);
  }
}
