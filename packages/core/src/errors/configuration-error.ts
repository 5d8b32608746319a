import { AcsError } from "./acs-error.js";

/** Codes of {@link ConfigurationError}. */
export type ConfigurationErrorCode = "MissingRegion" | "InvalidEndpoint" | "InvalidConfiguration";

/** The client configuration cannot produce a request (no region, a malformed endpoint, …). */
export class ConfigurationError extends AcsError {
  override readonly name = "ConfigurationError";
  /** One of {@link ConfigurationErrorCode}; the constructor is `AcsError`'s. */
  declare readonly code: ConfigurationErrorCode;
}
