export { AcsClient, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS } from "./client.js";
export type * from "./config.js";
export { CliProfileCredentialProvider } from "./credentials/cli-profile-provider.js";
export type * from "./credentials/credential.js";
export { CredentialsError, type CredentialsErrorCode } from "./credentials/credentials-error.js";
export {
  type CredentialsUriOptions,
  CredentialsUriProvider,
} from "./credentials/credentials-uri-provider.js";
export {
  type DefaultChainOptions,
  DefaultCredentialChain,
  defaultCredentialChain,
} from "./credentials/default-chain.js";
export {
  DEFAULT_ECS_METADATA_URL,
  EcsRamRoleCredentialProvider,
  type EcsRamRoleOptions,
} from "./credentials/ecs-ram-role-provider.js";
export { type EnvCredentialOptions, EnvCredentialProvider } from "./credentials/env-provider.js";
export {
  OidcRoleArnCredentialProvider,
  type OidcRoleArnOptions,
} from "./credentials/oidc-role-arn-provider.js";
export type { ProfileProviderOptions } from "./credentials/profile-file.js";
export {
  type ProfileCredentialOptions,
  ProfileCredentialProvider,
} from "./credentials/profile-provider.js";
export type {
  EnvironmentVariables,
  ProviderRuntimeOptions,
} from "./credentials/provider-options.js";
export {
  RamRoleArnCredentialProvider,
  type RamRoleArnOptions,
} from "./credentials/ram-role-arn-provider.js";
export {
  type AccessKeyOptions,
  StaticAkCredentialProvider,
  StaticStsCredentialProvider,
  type StsTokenOptions,
} from "./credentials/static-credentials.js";
export type { StsEndpointOptions } from "./credentials/sts-request.js";
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
