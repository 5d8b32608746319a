/**
 * Derives `x-acs-endpoint` and `servers` from the metadata's `endpoints` list (one host per
 * region): the host rule most regions follow, plus a map of the regions that differ.
 */
import type { DiagnosticCollector } from "../diagnostics.js";
import { appendPointer } from "../json/json-pointer.js";
import { setOwnProperty } from "../json/own-property.js";
import { isRecord } from "../metadata/api-docs.js";

/** The `x-acs-endpoint` object; see specs/README.md. */
export interface EndpointRule {
  rule: "regional" | "central";
  productId: string;
  map: Record<string, string>;
}

/** The endpoint extension of a document and the matching `servers` list. */
export interface EndpointResult {
  readonly endpoint: EndpointRule;
  readonly servers: Record<string, unknown>[];
}

interface RegionHost {
  readonly regionId: string;
  readonly host: string;
}

const CENTRAL_HOST = /^([a-z0-9-]+)\.aliyuncs\.com$/;
const PREFERRED_DEFAULT_REGION = "cn-hangzhou";

function readEntries(raw: unknown, diagnostics: DiagnosticCollector): RegionHost[] {
  if (raw === undefined) {
    return [];
  }
  if (!Array.isArray(raw)) {
    diagnostics.report("endpoint-invalid", "/endpoints", "`endpoints` is not a list");
    return [];
  }
  const entries = new Map<string, string>();
  raw.forEach((entry: unknown, index) => {
    const pointer = appendPointer("/endpoints", index);
    if (
      !isRecord(entry) ||
      typeof entry.regionId !== "string" ||
      typeof entry.endpoint !== "string"
    ) {
      diagnostics.report("endpoint-invalid", pointer, `entry ${JSON.stringify(entry)}`);
      return;
    }
    // Some hosts carry stray whitespace (`"tds.aliyuncs.com\t"`); a host name never does.
    const host = entry.endpoint.trim();
    const known = entries.get(entry.regionId);
    if (known !== undefined && known !== host) {
      const message = `region ${entry.regionId} is listed again with host ${host}; ${known} is kept`;
      diagnostics.report("endpoint-invalid", pointer, message);
      return;
    }
    entries.set(entry.regionId, host);
  });
  return [...entries].map(([regionId, host]) => ({ regionId, host }));
}

function regionalPrefix({ regionId, host }: RegionHost): string | undefined {
  const suffix = `.${regionId}.aliyuncs.com`;
  return host.endsWith(suffix) && host.length > suffix.length
    ? host.slice(0, -suffix.length)
    : undefined;
}

function centralPrefix({ host }: RegionHost): string | undefined {
  return CENTRAL_HOST.exec(host)?.[1];
}

/** Finds the prefix most entries share under `prefixOf`, with its count; ties go to the smaller name. */
function mostCommon(
  entries: readonly RegionHost[],
  prefixOf: (entry: RegionHost) => string | undefined,
): { prefix: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const prefix = prefixOf(entry);
    if (prefix !== undefined) {
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }
  let best: { prefix: string; count: number } | undefined;
  for (const [prefix, count] of counts) {
    if (
      best === undefined ||
      count > best.count ||
      (count === best.count && prefix < best.prefix)
    ) {
      best = { prefix, count };
    }
  }
  return best;
}

function hostFor(rule: EndpointRule, regionId: string): string {
  return rule.rule === "regional"
    ? `${rule.productId}.${regionId}.aliyuncs.com`
    : `${rule.productId}.aliyuncs.com`;
}

function chooseRule(entries: readonly RegionHost[], productCode: string): EndpointRule {
  const regional = mostCommon(entries, regionalPrefix);
  const central = mostCommon(entries, centralPrefix);
  if (regional !== undefined && regional.count >= (central?.count ?? 0)) {
    return { rule: "regional", productId: regional.prefix, map: {} };
  }
  if (central !== undefined) {
    return { rule: "central", productId: central.prefix, map: {} };
  }
  return { rule: "regional", productId: productCode, map: {} };
}

function serversFor(rule: EndpointRule, entries: readonly RegionHost[]): Record<string, unknown>[] {
  if (rule.rule === "central") {
    return [
      {
        url: `https://${rule.productId}.aliyuncs.com`,
        description: "Central endpoint shared by all regions except those in x-acs-endpoint.map.",
      },
    ];
  }
  const following = entries
    .filter((entry) => !(entry.regionId in rule.map))
    .map((entry) => entry.regionId)
    .sort();
  const fallback = following[0] ?? PREFERRED_DEFAULT_REGION;
  const defaultRegion = following.includes(PREFERRED_DEFAULT_REGION)
    ? PREFERRED_DEFAULT_REGION
    : fallback;
  return [
    {
      url: `https://${rule.productId}.{regionId}.aliyuncs.com`,
      description: "Regional endpoint. Regions in x-acs-endpoint.map use the host given there.",
      // NOTE: no variable description: the OpenAPI 3.1 schema bundled with swagger-parser 12.1.0
      // misspells that key and rejects it.
      variables: { regionId: { default: defaultRegion } },
    },
  ];
}

/**
 * Builds `x-acs-endpoint` and `servers` for a product. `productCode` is the lowercase product
 * code, used as the host prefix when the metadata lists no endpoints.
 */
export function convertEndpoints(
  raw: unknown,
  productCode: string,
  diagnostics: DiagnosticCollector,
): EndpointResult {
  const entries = readEntries(raw, diagnostics);
  if (entries.length === 0) {
    diagnostics.report("endpoints-missing", "/endpoints", "the metadata lists no endpoints");
  }
  const rule = chooseRule(entries, productCode);
  const map: Record<string, string> = {};
  for (const entry of [...entries].sort((a, b) => (a.regionId < b.regionId ? -1 : 1))) {
    if (entry.host !== hostFor(rule, entry.regionId)) {
      setOwnProperty(map, entry.regionId, entry.host);
    }
  }
  rule.map = map;
  const mapped = Object.keys(map).length;
  if (mapped * 2 > entries.length) {
    const message = `${mapped} of ${entries.length} regions differ from the ${rule.rule} rule`;
    diagnostics.report("endpoint-rule-partial", "/endpoints", message);
  }
  return { endpoint: rule, servers: serversFor(rule, entries) };
}
