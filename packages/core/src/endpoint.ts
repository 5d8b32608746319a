import type { ClientConfig } from "./config.js";
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

/** The reason {@link locateEndpoint} found no endpoint, with the offending setting as `value`. */
export interface EndpointProblem {
  readonly problem: "InvalidRegion" | "InvalidNetwork" | "MissingRegion" | "InvalidEndpoint";
  readonly value: string | undefined;
}

const REGION_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Finds the endpoint of a product from the client configuration, or the problem that prevents
 * it. Precedence: an explicit `endpoint`; else the product's map entry for the region (which
 * ignores `network`); else the rule: `regional` gives
 * `<productId>[-<network>].<regionId>.aliyuncs.com`, `central` gives
 * `<productId>[-<network>].aliyuncs.com`. A `network` of `public` adds nothing. HTTPS unless
 * `protocol` or the endpoint URL names `http`.
 *
 * It returns the problem instead of throwing, so the client loads the error messages
 * (endpoint-error.ts) only when there is a problem. `resolveEndpoint` is the throwing form.
 */
export function locateEndpoint(
  service: ServiceDescriptor,
  config: Pick<ClientConfig, "endpoint" | "regionId" | "network" | "protocol">,
): ResolvedEndpoint | EndpointProblem {
  const { regionId, network, endpoint } = config;
  const { productId, map, rule } = service.endpoint;
  let host = endpoint;
  if (!host) {
    if (regionId && !REGION_ID.test(regionId)) {
      return { problem: "InvalidRegion", value: regionId };
    }
    if (network && !REGION_ID.test(network)) {
      return { problem: "InvalidNetwork", value: network };
    }
    if (!regionId && rule !== "central") {
      return { problem: "MissingRegion", value: undefined };
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
    return { problem: "InvalidEndpoint", value: host };
  }
  return {
    protocol: url.protocol as ResolvedEndpoint["protocol"],
    hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : undefined,
    host: url.host,
  };
}
