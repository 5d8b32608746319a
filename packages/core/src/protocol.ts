/**
 * `@acs-sdk/core/protocol`: wire-protocol functions for servers and tools (a mock gateway, test
 * harnesses): endpoint resolution, both signatures, percent-encoding, parameter styles and
 * lossless JSON.
 */

export { type EndpointProblem, locateEndpoint } from "./endpoint.js";
export { endpointError, resolveEndpoint } from "./endpoint-error.js";
export * from "./percent-encode.js";
export { parseJson, stringifyJson } from "./serialization/lossless-json.js";
export { flattenParameter } from "./serialization/parameter-style.js";
export {
  FORM_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  serializeRequest,
} from "./serialization/request-serializer.js";
export * from "./signing/acs3-signature.js";
export {
  computeRpcV1Signature,
  type RpcV1Signature,
  type RpcV1SignatureInput,
  rpcV1Signer,
} from "./signing/rpc-v1-signature.js";
