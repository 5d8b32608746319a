/**
 * `@acs-sdk/core`: what generated clients and their callers import. Two more entry points hold
 * what a call does not always need:
 *
 * - `@acs-sdk/core/credentials` (credential-providers.ts): the credential providers and the
 *   default chain;
 * - `@acs-sdk/core/protocol` (protocol.ts): lossless JSON, parameter styles, the full request
 *   serializer and the legacy RPC signature, for servers and tools that speak the wire protocol.
 *
 * The client reaches the default chain, the legacy signer and the error-response parser only
 * through `import()` with a literal path (client.ts). A code-splitting bundler puts them in
 * chunks that load on first use, and a single-file bundle still contains them. Nothing here may import those
 * modules statically, because every application would then load them at start-up.
 */

export { AcsClient, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS } from "./client.js";
export type * from "./config.js";
export type * from "./credentials/credential.js";
export { CredentialsError, type CredentialsErrorCode } from "./credentials/credentials-error.js";
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
