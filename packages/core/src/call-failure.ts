/**
 * Everything that only a failed call needs: error-response parsing, the retry decision, and the
 * errors of invalid configuration, credentials and requests and of aborted calls. The client
 * imports this module with `import()` on the first failure, so a code-splitting bundler puts it in
 * a chunk that an application whose calls succeed never loads. Nothing on the success path may
 * import it statically.
 */

export {
  credentialProviderError,
  unusableCredentialError,
} from "./credentials/credential-problem.js";
export { endpointError } from "./endpoint-error.js";
export { RequestAbortedError } from "./errors/request-aborted-error.js";
export { ValidationError } from "./errors/validation-error.js";
export { createServiceError, invalidBodyError } from "./response-error.js";
export { planRetry } from "./retry.js";

import { ConfigurationError } from "./errors/configuration-error.js";

/** Builds the error for a descriptor that needs the full serializer but does not name it. */
export function missingSerializerError(action: string): ConfigurationError {
  return new ConfigurationError(
    "InvalidConfiguration",
    `operation ${action} is missing serialize, which it needs for parameters outside the query or in the json, simple or xml style; set serialize: serializeRequest (from @acs-sdk/core) in its descriptor.`,
  );
}
