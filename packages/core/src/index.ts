/**
 * `@acs-sdk/core`: what generated clients and their callers import to send a call. Three more
 * entry points hold what a successful call does not need:
 *
 * - `@acs-sdk/core/errors` (errors.ts): the error classes, for `instanceof` checks;
 * - `@acs-sdk/core/credentials` (credential-providers.ts): the credential providers and the
 *   default chain;
 * - `@acs-sdk/core/protocol` (protocol.ts): endpoint resolution, lossless JSON, parameter styles,
 *   the full request serializer and the legacy RPC signature, for servers and tools that speak
 *   the wire protocol.
 *
 * The client reaches the default chain, the legacy signer and the failure path (error parsing,
 * retry decisions, error messages) only through `import()` with a literal path (client.ts). A
 * code-splitting bundler puts them in chunks that load on first use; a single-file bundle still
 * contains them. esbuild assigns whole modules to chunks, and a module this index re-exports
 * counts as loaded at start-up even when the application uses none of its exports. So nothing
 * here may re-export a module that only those lazy parts use.
 */

export { AcsClient, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS } from "./client.js";
export type * from "./config.js";
export type * from "./credentials/credential.js";
export type { ResolvedEndpoint } from "./endpoint.js";
export { silentLogger } from "./logger.js";
export type * from "./operation.js";
export { encodeSortedParameters, percentEncode } from "./percent-encode.js";
export {
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_DELAY_MS,
} from "./retry-defaults.js";
export type { SerializedBody, SerializedParameters } from "./serialization/query-serializer.js";
export { serializeRequest } from "./serialization/request-serializer.js";
export {
  ACS3_ALGORITHM,
  type Acs3Signature,
  type Acs3SignatureInput,
  canonicalizeHeaders,
  canonicalizeQuery,
  computeAcs3Signature,
  EMPTY_BODY_SHA256,
  formatAcs3Authorization,
  type HeaderValues,
  type ParsedAuthorization,
  parseAuthorization,
  type QueryParameters,
  sha256Hex,
} from "./signing/acs3-signature.js";
export { buildUserAgent, SDK_VERSION } from "./user-agent.js";
