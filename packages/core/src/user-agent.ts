/** Version of this package, sent in the User-Agent; a test keeps it equal to package.json. */
export const SDK_VERSION = "0.1.0";

/**
 * Builds the User-Agent: `acs-sdk/<version> (<platform>; <arch>) Node.js/<version>`, then
 * `suffix` (the client's `userAgent` option) after a space.
 */
export function buildUserAgent(suffix: string | undefined): string {
  const base = `acs-sdk/${SDK_VERSION} (${process.platform}; ${process.arch}) Node.js/${process.version}`;
  return suffix === undefined || suffix === "" ? base : `${base} ${suffix}`;
}
