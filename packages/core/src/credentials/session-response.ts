import type { Credential } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";

/** `2024-08-30T07:03:06Z` or `2024-08-30T07:03:06.117Z`, the forms the official runtime accepts. */
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/**
 * Parses a JSON response body. The parser's own message is dropped because it quotes the input,
 * which may hold secrets.
 *
 * @param where - Request description for the message, such as `GET http://host/path`.
 */
export function parseJsonBody(provider: string, body: string, where: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new CredentialsError(
      "InvalidCredentialResponse",
      provider,
      `the response of ${where} is not valid JSON (${body.length} characters)`,
    );
  }
}

/**
 * Reads `AccessKeyId`, `AccessKeySecret`, `SecurityToken` and `Expiration` from a session
 * object (STS `Credentials`, an instance metadata document or a credentials-URI response).
 *
 * @param fieldPrefix - Path of `value` in the response for messages, such as `Credentials.`.
 * @throws CredentialsError `InvalidCredentialResponse` naming the first missing or malformed field.
 */
export function readSessionCredential(
  provider: string,
  value: unknown,
  where: string,
  fieldPrefix = "",
): Credential {
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const field = (name: string): string => {
    const found = record[name];
    if (typeof found !== "string" || found === "") {
      throw new CredentialsError(
        "InvalidCredentialResponse",
        provider,
        `the response of ${where} has no string field ${fieldPrefix}${name}`,
      );
    }
    return found;
  };
  const accessKeyId = field("AccessKeyId");
  const accessKeySecret = field("AccessKeySecret");
  const securityToken = field("SecurityToken");
  const expirationText = field("Expiration");
  const expiration = new Date(expirationText);
  if (!UTC_TIMESTAMP.test(expirationText) || Number.isNaN(expiration.getTime())) {
    throw new CredentialsError(
      "InvalidCredentialResponse",
      provider,
      `the response of ${where} has ${fieldPrefix}Expiration "${expirationText}", expected a UTC time such as 2024-08-30T07:03:06Z`,
    );
  }
  return { accessKeyId, accessKeySecret, securityToken, expiration, providerName: provider };
}
