/**
 * `@acs-sdk/core/errors`: every error the runtime throws. Each class has a stable `code` that
 * callers branch on; messages are for people and may change. No message or field ever contains
 * an AccessKey secret, a security token or a signature key. `CredentialsError` lives next to the
 * credential providers and extends `AcsError` like the rest.
 *
 * Each class has a module of its own under errors/, so a bundler puts in an application's initial
 * load only the classes that its success path constructs. The others arrive with the code that
 * handles a failure. The classes declare their fields (`declare`) and assign them in
 * one statement instead of emitting one class field each.
 */

export { CredentialsError, type CredentialsErrorCode } from "./credentials/credentials-error.js";
export { AcsError } from "./errors/acs-error.js";
export { ConfigurationError, type ConfigurationErrorCode } from "./errors/configuration-error.js";
export { NetworkError, type NetworkErrorCode, TimeoutError } from "./errors/network-error.js";
export { RequestAbortedError } from "./errors/request-aborted-error.js";
export { SerializationError, type SerializationErrorCode } from "./errors/serialization-error.js";
export { ServiceError, type ServiceErrorDetails, ThrottlingError } from "./errors/service-error.js";
export { ValidationError } from "./errors/validation-error.js";
