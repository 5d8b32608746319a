import type { ClientConfig } from "./config.js";
import { type EndpointProblem, locateEndpoint, type ResolvedEndpoint } from "./endpoint.js";
import { ConfigurationError } from "./errors/configuration-error.js";
import type { ServiceDescriptor } from "./operation.js";

/**
 * Resolves the endpoint of a product from the client configuration by the rules of
 * {@link locateEndpoint}.
 *
 * @throws ConfigurationError `MissingRegion` when the rule needs a region and none is set, and
 *   `InvalidEndpoint` for a malformed endpoint, region or network.
 */
export function resolveEndpoint(
  service: ServiceDescriptor,
  config: Pick<ClientConfig, "endpoint" | "regionId" | "network" | "protocol">,
): ResolvedEndpoint {
  const located = locateEndpoint(service, config);
  if ("problem" in located) {
    throw endpointError(service, located);
  }
  return located;
}

/** The user name and password of an endpoint, with or without a scheme before them. */
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)?[^/?#@]*@/i;

/** Explains why {@link locateEndpoint} found no endpoint for `service`. */
export function endpointError(
  service: ServiceDescriptor,
  { problem, value }: EndpointProblem,
): ConfigurationError {
  // An endpoint with a user name may carry a password (`http://user:password@host`).
  const quoted = JSON.stringify(value?.replace(USER_INFO, "$1[redacted]@"));
  switch (problem) {
    case "MissingRegion":
      return new ConfigurationError(
        "MissingRegion",
        `${service.product} has regional endpoints; set regionId (such as "cn-hangzhou") or endpoint in the client configuration.`,
      );
    case "InvalidEndpoint":
      return new ConfigurationError(
        "InvalidEndpoint",
        `endpoint ${quoted} is invalid; use a host name or an http(s) URL without path, query or user name, such as "http://127.0.0.1:8080".`,
      );
    default:
      return new ConfigurationError(
        "InvalidEndpoint",
        `${problem === "InvalidRegion" ? "regionId" : "network"} ${quoted} is invalid; use lowercase letters, digits and hyphens, as in "cn-hangzhou" or "vpc".`,
      );
  }
}
