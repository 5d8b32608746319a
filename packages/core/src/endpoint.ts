import type { ClientConfig } from "./config.js";
import { ConfigurationError } from "./errors.js";
import type { ServiceDescriptor } from "./operation.js";

/** Request target: the parts `node:http` needs and the `host` header value. */
export interface ResolvedEndpoint {
  readonly protocol: "https:" | "http:";
  /** Host name or IP address (IPv6 without brackets). */
  readonly hostname: string;
  /** Explicit port; absent for the protocol's default port. */
  readonly port: number | undefined;
  /** `host` header value: host name plus `:port` when the endpoint names one. */
  readonly host: string;
}

const REGION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Resolves the endpoint of a product from the client configuration. Precedence: an explicit
 * `endpoint`; else the product's map entry for the region (which ignores `network`); else the
 * rule: `regional` gives `<productId>[-<network>].<regionId>.aliyuncs.com`, `central` gives
 * `<productId>[-<network>].aliyuncs.com`. A `network` of `public` adds nothing. HTTPS unless
 * `protocol` or the endpoint URL names `http`.
 *
 * @throws ConfigurationError `MissingRegion` when the rule needs a region and none is set, and
 *   `InvalidEndpoint` for a malformed endpoint, region or network.
 */
export function resolveEndpoint(
  service: ServiceDescriptor,
  config: Pick<ClientConfig, "endpoint" | "regionId" | "network" | "protocol">,
): ResolvedEndpoint {
  const protocol = config.protocol === "http" ? "http:" : "https:";
  if (config.endpoint !== undefined && config.endpoint !== "") {
    return parseEndpoint(config.endpoint, protocol);
  }
  const { regionId, network } = config;
  if (regionId !== undefined && regionId !== "") {
    if (!REGION_ID.test(regionId)) {
      throw new ConfigurationError(
        "InvalidEndpoint",
        `regionId ${JSON.stringify(regionId)} is not a region ID; use lowercase letters, digits and hyphens, such as "cn-hangzhou".`,
      );
    }
    const mapped = service.endpoint.map[regionId];
    if (mapped !== undefined) {
      return parseEndpoint(mapped, protocol);
    }
  }
  if (network !== undefined && network !== "" && !REGION_ID.test(network)) {
    throw new ConfigurationError(
      "InvalidEndpoint",
      `network ${JSON.stringify(network)} is not a network type; use a value such as "vpc".`,
    );
  }
  const suffix =
    network === undefined || network === "" || network === "public" ? "" : `-${network}`;
  const prefix = `${service.endpoint.productId}${suffix}`;
  if (service.endpoint.rule === "central") {
    return {
      protocol,
      hostname: `${prefix}.aliyuncs.com`,
      port: undefined,
      host: `${prefix}.aliyuncs.com`,
    };
  }
  if (regionId === undefined || regionId === "") {
    throw new ConfigurationError(
      "MissingRegion",
      `${service.product} uses regional endpoints, but the client has no regionId; set regionId (such as "cn-hangzhou") or endpoint in the client configuration.`,
    );
  }
  const hostname = `${prefix}.${regionId}.aliyuncs.com`;
  return { protocol, hostname, port: undefined, host: hostname };
}

function parseEndpoint(endpoint: string, defaultProtocol: "https:" | "http:"): ResolvedEndpoint {
  const hasScheme = endpoint.includes("://");
  let url: URL;
  try {
    url = new URL(hasScheme ? endpoint : `${defaultProtocol}//${endpoint}`);
  } catch (cause) {
    throw invalidEndpoint(endpoint, "it is not a host name or URL", cause);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalidEndpoint(endpoint, `its scheme ${url.protocol} is not http or https`);
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "") {
    throw invalidEndpoint(endpoint, "it has a path, query, fragment or user name");
  }
  const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return {
    protocol: url.protocol,
    hostname,
    port: url.port === "" ? undefined : Number(url.port),
    host: url.host,
  };
}

function invalidEndpoint(endpoint: string, reason: string, cause?: unknown): ConfigurationError {
  return new ConfigurationError(
    "InvalidEndpoint",
    `endpoint ${JSON.stringify(endpoint)} is invalid because ${reason}; use a host such as "hbr.cn-hangzhou.aliyuncs.com" or a URL such as "http://127.0.0.1:8080".`,
    cause === undefined ? undefined : { cause },
  );
}
