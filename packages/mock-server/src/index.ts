/**
 * A local HTTP server that serves Alibaba Cloud API calls from OpenAPI specs the way the public
 * gateway does. It verifies ACS3-HMAC-SHA256 and legacy HMAC-SHA1 signatures, decodes and checks
 * parameters, and returns the documented example or gateway-shaped errors. It also injects faults
 * for client tests.
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
