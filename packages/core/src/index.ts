/**
 * `@acs-sdk/core`: what generated clients and their callers import. Two more entry points hold
 * what a call does not always need, so that bundlers can keep it out of the initial load:
 *
 * - `@acs-sdk/core/credentials` (credential-providers.ts): the credential providers and the
 *   default chain, which the client imports lazily when no credentials are configured;
 * - `@acs-sdk/core/protocol` (protocol.ts): lossless JSON, parameter styles and the legacy RPC
 *   signature, for servers and tools that speak the wire protocol.
 *
 * Modules loaded with `import()` must not be re-exported here: a bundler that splits code (esbuild
 * 0.28 at least) keeps a static import of every re-exported module's chunk, even unused ones.
 */

export { AcsClient, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS } from "./client.js";
export type * from "./config.js";
export type * from "./credentials/credential.js";
export { CredentialsError, type CredentialsErrorCode } from "./credentials/credentials-error.js";
// TODO: drop the three `@deprecated` re-exports in this file once the mock server imports from
// `@acs-sdk/core/protocol` and the demo from `@acs-sdk/core/credentials`. Until then they put
// lossless JSON, the legacy signer and the static providers into every initial load.
/** @deprecated Import from `@acs-sdk/core/credentials`. */
export {
  StaticAkCredentialProvider,
  StaticStsCredentialProvider,
} from "./credentials/static-credentials.js";
export type { ResolvedEndpoint } from "./endpoint.js";
export { resolveEndpoint } from "./endpoint.js";
export {
  AcsError,
  ConfigurationError,
  type ConfigurationErrorCode,
  NetworkError,
  type NetworkErrorCode,
  RequestAbortedError,
  SerializationError,
  type SerializationErrorCode,
  ServiceError,
  type ServiceErrorDetails,
  ThrottlingError,
  TimeoutError,
  ValidationError,
} from "./errors.js";
export { silentLogger } from "./logger.js";
export type * from "./operation.js";
export { encodeSortedParameters, percentEncode } from "./percent-encode.js";
export {
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_DELAY_MS,
} from "./retry.js";
/** @deprecated Import from `@acs-sdk/core/protocol`. */
export { parseJson, stringifyJson } from "./serialization/lossless-json.js";
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
/** @deprecated Import from `@acs-sdk/core/protocol`. */
export { computeRpcV1Signature } from "./signing/rpc-v1-signature.js";
export { buildUserAgent, SDK_VERSION } from "./user-agent.js";
