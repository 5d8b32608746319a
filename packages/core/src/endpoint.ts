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

const REGION_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

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
  const { regionId, network, endpoint } = config;
  const { productId, map, rule } = service.endpoint;
  let host = endpoint;
  if (!host) {
    for (const [name, value] of Object.entries({ regionId, network })) {
      if (value && !REGION_ID.test(value)) {
        throw new ConfigurationError(
          "InvalidEndpoint",
          `${name} ${JSON.stringify(value)} is invalid; use lowercase letters, digits and hyphens, as in "cn-hangzhou" or "vpc".`,
        );
      }
    }
    if (!regionId && rule !== "central") {
      throw new ConfigurationError(
        "MissingRegion",
        `${service.product} has regional endpoints; set regionId (such as "cn-hangzhou") or endpoint in the client configuration.`,
      );
    }
    const prefix = network && network !== "public" ? `${productId}-${network}` : productId;
    host =
      (regionId && map[regionId]) ||
      (rule === "central" ? `${prefix}.aliyuncs.com` : `${prefix}.${regionId}.aliyuncs.com`);
  }
  let url: URL | undefined;
  try {
    url = new URL(
      host.includes("://") ? host : `${config.protocol === "http" ? "http" : "https"}://${host}`,
    );
  } catch {
    // Reported below with the other malformed endpoints.
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.href !== `${url.protocol}//${url.host}/`) {
    throw new ConfigurationError(
      "InvalidEndpoint",
      `endpoint ${JSON.stringify(host)} is invalid; use a host name or an http(s) URL without path, query or user name, such as "http://127.0.0.1:8080".`,
    );
  }
  return {
    protocol: url.protocol as ResolvedEndpoint["protocol"],
    hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : undefined,
    host: url.host,
  };
}
