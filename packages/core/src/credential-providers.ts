/**
 * `@acs-sdk/core/credentials`: credential providers and the default credential chain. They are
 * kept out of the main entry point because a client needs the chain only when no credentials are
 * configured. The client then imports the chain on first use (see index.ts).
 */

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
export type { RoleSessionOptions, StsEndpointOptions } from "./credentials/sts-request.js";
