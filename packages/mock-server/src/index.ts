/**
 * A local HTTP server that answers Alibaba Cloud API calls from OpenAPI specs the way the public
 * gateway does: it verifies ACS3-HMAC-SHA256 and legacy HMAC-SHA1 signatures, decodes and checks
 * parameters, returns the documented example or gateway-shaped errors, and injects faults for
 * client tests.
 */
export type { MockCredential } from "./credential-store.js";
export {
  ACS_ERRORS,
  AcsError,
  type AcsErrorCode,
  MockServerError,
  type MockServerErrorCode,
} from "./errors.js";
export type { Fault, FaultKind, FaultRule } from "./faults.js";
export { startMockServer } from "./mock-server.js";
export type { MockServer, MockServerOptions } from "./options.js";
export type {
  MatchedOperation,
  RequestLogEntry,
  SignatureKind,
  Verdict,
} from "./request-log.js";
export type { SpecInput } from "./spec-source.js";
