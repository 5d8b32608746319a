import { percentEncode } from "../percent-encode.js";

const REDACTED = "<redacted>";

/**
 * Replaces every occurrence of the given secrets in text that came from a server, in raw,
 * percent-encoded and double percent-encoded form (STS echoes its string to sign, which contains
 * encoded parameters such as a security token).
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret === undefined || secret === "") {
      continue;
    }
    const encoded = percentEncode(secret);
    for (const form of [percentEncode(encoded), encoded, secret]) {
      result = result.split(form).join(REDACTED);
    }
  }
  return result;
}

/**
 * Describes a URL for a message without its user info, query or fragment, which may carry
 * tokens (a credentials URI such as `http://host/creds?token=…`).
 */
export function describeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
