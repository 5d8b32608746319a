/**
 * Alibaba Cloud's official TypeScript runtimes, used only as oracles: `@alicloud/openapi-core`
 * 1.0.8 (what current generated SDKs call) and `@alicloud/openapi-client` 0.4.15 (older SDKs).
 *
 * Both are CommonJS packages whose classes sit under `default`, which ESM interop exposes
 * inconsistently, so they are loaded with `require`. Their helpers for the signing date and
 * nonce are static methods looked up at call time, which is how a test pins both.
 */
import { createRequire } from "node:module";

/** The per-call settings of a generated SDK method (`$OpenApiUtil.Params`). */
export interface OfficialParams {
  readonly action: string;
  readonly version: string;
  readonly protocol: string;
  readonly pathname: string;
  readonly method: string;
  readonly authType: string;
  readonly style: string;
  readonly reqBodyType: string;
  readonly bodyType: string;
}

/** What a generated SDK method puts into `OpenApiRequest`. */
export interface OfficialRequest {
  readonly query?: Record<string, string>;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** Client settings as `Config` takes them. */
export interface OfficialConfig {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
  /** `host:port`, without a scheme. */
  readonly endpoint: string;
}

/** The `OpenApiUtil` helpers generated SDK code calls to prepare a request. */
export interface OfficialRequestHelpers {
  /** Flattens a map into `Key.1.Sub` wire names with string values. */
  query(filter: Record<string, unknown>): Record<string, string>;
  /** `json`, `simple` and other list styles as one string. */
  arrayToStringWithSpecifiedStyle(array: unknown, prefix: string, style: string): string;
}

/** The parts of `$tea.Request` that `getAuthorization` reads. */
export interface OfficialSigningInput {
  readonly method: string;
  readonly pathname: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
}

interface OpenApiUtilClass extends OfficialRequestHelpers {
  getNonce(): string;
  getTimestamp(): string;
  hash(raw: Buffer, algorithm: string): Buffer;
  getAuthorization(
    request: OfficialSigningInput,
    algorithm: string,
    payloadHash: string,
    accessKeyId: string,
    accessKeySecret: string,
  ): string;
  getEncodeParam?(value: string): string;
}

type ModelClass = new (fields: object) => object;

interface OfficialClient {
  callApi(params: object, request: object, runtime: object): Promise<{ body: unknown }>;
}

interface RuntimeModule {
  readonly Client: new (config: object) => OfficialClient;
  readonly Config: ModelClass;
  readonly Params: ModelClass;
  readonly OpenApiRequest: ModelClass;
  readonly util: OpenApiUtilClass;
  /** Where the nonce helper lives: `OpenApiUtil` (core) or tea-util (0.4.x). */
  readonly nonceHost: { getNonce(): string };
}

const require = createRequire(import.meta.url);

function loadCore(): RuntimeModule {
  const module = require("@alicloud/openapi-core") as {
    default: RuntimeModule["Client"];
    OpenApiUtil: OpenApiUtilClass;
    $OpenApiUtil: { Config: ModelClass; Params: ModelClass; OpenApiRequest: ModelClass };
  };
  return {
    Client: module.default,
    Config: module.$OpenApiUtil.Config,
    Params: module.$OpenApiUtil.Params,
    OpenApiRequest: module.$OpenApiUtil.OpenApiRequest,
    util: module.OpenApiUtil,
    nonceHost: module.OpenApiUtil,
  };
}

function loadLegacy(): RuntimeModule {
  const module = require("@alicloud/openapi-client") as {
    default: RuntimeModule["Client"];
    Config: ModelClass;
    Params: ModelClass;
    OpenApiRequest: ModelClass;
  };
  // Its helpers come from its own dependencies, so resolve them from its location.
  const own = createRequire(require.resolve("@alicloud/openapi-client"));
  const util = (own("@alicloud/openapi-util") as { default: OpenApiUtilClass }).default;
  const teaUtil = (own("@alicloud/tea-util") as { default: { getNonce(): string } }).default;
  return {
    Client: module.default,
    Config: module.Config,
    Params: module.Params,
    OpenApiRequest: module.OpenApiRequest,
    util,
    nonceHost: teaUtil,
  };
}

/** The two official runtimes. */
export const OFFICIAL_RUNTIMES = {
  /** `@alicloud/openapi-core` 1.0.8. */
  core: loadCore(),
  /** `@alicloud/openapi-client` 0.4.15. */
  legacy: loadLegacy(),
} as const;

/** Name of an official runtime. */
export type OfficialRuntimeName = keyof typeof OFFICIAL_RUNTIMES;

/** `percentEncode` of `@darabonba/typescript`, which generated ROA code applies to path values. */
export const darabonbaPercentEncode: (value: string) => string = (() => {
  const own = createRequire(require.resolve("@alicloud/openapi-core"));
  const dara = own("@darabonba/typescript") as { URL: { percentEncode(value: string): string } };
  return (value) => dara.URL.percentEncode(value);
})();

/**
 * Makes both runtimes sign with this `x-acs-date` and nonce until the returned function is
 * called. Tests pin them to the values our client used, so signatures become comparable.
 */
export function pinSigningInputs(date: string, nonce: string): () => void {
  const restores: Array<() => void> = [];
  for (const runtime of Object.values(OFFICIAL_RUNTIMES)) {
    const { util, nonceHost } = runtime;
    const { getTimestamp } = util;
    const { getNonce } = nonceHost;
    util.getTimestamp = () => date;
    nonceHost.getNonce = () => nonce;
    restores.push(() => {
      util.getTimestamp = getTimestamp;
      nonceHost.getNonce = getNonce;
    });
  }
  return () => {
    for (const restore of restores) {
      restore();
    }
  };
}

// Clients by runtime and configuration: building one sets up its credential provider.
const clients = new Map<string, OfficialClient>();

/** Calls `callApi` of an official runtime the way a generated SDK method does. */
export async function callOfficial(
  name: OfficialRuntimeName,
  config: OfficialConfig,
  params: Omit<OfficialParams, "protocol" | "authType" | "bodyType">,
  request: OfficialRequest,
): Promise<unknown> {
  const runtime = OFFICIAL_RUNTIMES[name];
  const key = `${name} ${JSON.stringify(config)}`;
  let client = clients.get(key);
  if (client === undefined) {
    client = new runtime.Client(new runtime.Config({ ...config, protocol: "HTTP" }));
    clients.set(key, client);
  }
  const result = await client.callApi(
    new runtime.Params({ ...params, protocol: "HTTP", authType: "AK", bodyType: "json" }),
    new runtime.OpenApiRequest(request),
    {},
  );
  return result.body;
}

/** The canonical request and `Authorization` an official runtime computes for a request. */
export interface OfficialSignature {
  readonly canonicalRequest: string;
  readonly authorization: string;
}

/**
 * Signs a request with an official runtime's own `getAuthorization` and records the canonical
 * request it hashes. `payloadHash` is the hex SHA-256 of the body.
 */
export function officialSignature(
  name: OfficialRuntimeName,
  input: OfficialSigningInput,
  payloadHash: string,
  accessKeyId: string,
  accessKeySecret: string,
): OfficialSignature {
  const { util } = OFFICIAL_RUNTIMES[name];
  const { hash } = util;
  const hashed: string[] = [];
  util.hash = (raw, algorithm) => {
    hashed.push(raw.toString("utf8"));
    return hash.call(util, raw, algorithm);
  };
  let authorization: string;
  try {
    authorization = util.getAuthorization(
      input,
      "ACS3-HMAC-SHA256",
      payloadHash,
      accessKeyId,
      accessKeySecret,
    );
  } finally {
    util.hash = hash;
  }
  const [canonicalRequest] = hashed;
  if (canonicalRequest === undefined || hashed.length !== 1) {
    throw new Error(`getAuthorization hashed ${hashed.length} inputs; expected one`);
  }
  return { canonicalRequest, authorization };
}

/**
 * The official runtimes' RFC 3986 encoder for query values, as `@alicloud/openapi-util`
 * exports it (`getEncodeParam`). `@alicloud/openapi-core` keeps the same function private.
 */
export function officialEncodeParam(value: string): string {
  const encode = OFFICIAL_RUNTIMES.legacy.util.getEncodeParam;
  if (encode === undefined) {
    throw new Error("@alicloud/openapi-util no longer exports getEncodeParam");
  }
  return encode.call(OFFICIAL_RUNTIMES.legacy.util, value);
}
