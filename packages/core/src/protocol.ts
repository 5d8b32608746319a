/**
 * `@acs-sdk/core/protocol`: wire-protocol functions for servers and tools (a mock gateway, test
 * harnesses): both signatures, percent-encoding, parameter styles and lossless JSON. The client
 * loads several of these modules lazily, which is why they are not in the main entry point.
 */

export * from "./percent-encode.js";
export { parseJson, stringifyJson } from "./serialization/lossless-json.js";
export { flattenParameter } from "./serialization/parameter-style.js";
export * from "./signing/acs3-signature.js";
export {
  computeRpcV1Signature,
  type RpcV1Signature,
  type RpcV1SignatureInput,
} from "./signing/rpc-v1-signature.js";
