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
export { flattenParameter } from "./serialization/flatten.js";
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
export {
  computeRpcV1Signature,
  type RpcV1Signature,
  type RpcV1SignatureInput,
} from "./signing/rpc-v1-signature.js";
export { buildUserAgent, SDK_VERSION } from "./user-agent.js";
