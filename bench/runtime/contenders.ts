// The three clients the benchmark compares, each sending AddCrossAccount to the loopback server.
import { createHash, createHmac, randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { createRequire } from "node:module";
import { addCrossAccount, createHbrClient } from "../../packages/hbr-client/src/index.ts";
import {
  ACCESS_KEY_ID,
  ACCESS_KEY_SECRET,
  ACCOUNT_ID,
  OFFICIAL_ADD_CROSS_ACCOUNT_PARAMS,
} from "./bench-inputs.ts";

/** One client under test. */
export interface Contender {
  readonly name: string;
  call(): Promise<unknown>;
  close(): void;
}

const REQUEST = {
  CrossAccountUserId: Number(ACCOUNT_ID),
  CrossAccountRoleName: "hbrcrossrole",
  CrossAccountType: "CROSS_ACCOUNT",
  Alias: "source account 1",
} as const;

/** Creates acs-sdk: the generated operation function on a runtime client. */
export function createAcsSdk(port: number): Contender {
  const client = createHbrClient({
    endpoint: `http://127.0.0.1:${port}`,
    credentials: {
      accessKeyId: ACCESS_KEY_ID,
      accessKeySecret: ACCESS_KEY_SECRET,
      providerName: "static_ak",
    },
  });
  return {
    name: "acs-sdk",
    call: () => addCrossAccount(client, REQUEST),
    close: () => client.destroy(),
  };
}

const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");

function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Creates the floor: a hand-written V3-signed `http.request` with a keep-alive agent, no
 * validation, no retries and `JSON.parse`.
 */
export function createBaseline(port: number): Contender {
  const agent = new Agent({ keepAlive: true });
  const host = `127.0.0.1:${port}`;
  const call = (): Promise<unknown> => {
    const query = Object.entries(REQUEST)
      .map(([name, value]) => [name, String(value)] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, value]) => `${encode(name)}=${encode(value)}`)
      .join("&");
    const date = `${new Date().toISOString().slice(0, 19)}Z`;
    const nonce = randomUUID().replaceAll("-", "");
    const signedHeaders =
      "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
    const canonicalRequest = `POST\n/\n${query}\nhost:${host}\nx-acs-action:AddCrossAccount\nx-acs-content-sha256:${EMPTY_SHA256}\nx-acs-date:${date}\nx-acs-signature-nonce:${nonce}\nx-acs-version:2017-09-08\n\n${signedHeaders}\n${EMPTY_SHA256}`;
    const stringToSign = `ACS3-HMAC-SHA256\n${createHash("sha256").update(canonicalRequest).digest("hex")}`;
    const signature = createHmac("sha256", ACCESS_KEY_SECRET).update(stringToSign).digest("hex");
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          agent,
          host: "127.0.0.1",
          port,
          method: "POST",
          path: `/?${query}`,
          headers: {
            host,
            "x-acs-action": "AddCrossAccount",
            "x-acs-version": "2017-09-08",
            "x-acs-date": date,
            "x-acs-signature-nonce": nonce,
            "x-acs-content-sha256": EMPTY_SHA256,
            accept: "application/json",
            authorization: `ACS3-HMAC-SHA256 Credential=${ACCESS_KEY_ID},SignedHeaders=${signedHeaders},Signature=${signature}`,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
          response.on("error", reject);
        },
      );
      outgoing.on("error", reject);
      outgoing.end();
    });
  };
  return { name: "baseline http.request", call, close: () => agent.destroy() };
}

interface OfficialModule {
  default: new (
    config: unknown,
  ) => {
    callApi(params: unknown, request: unknown, runtime: unknown): Promise<unknown>;
  };
  Config: new (fields: Record<string, unknown>) => unknown;
  Params: new (fields: Record<string, unknown>) => unknown;
  OpenApiRequest: new (fields: Record<string, unknown>) => unknown;
}

/**
 * Creates `@alicloud/openapi-client` 0.4.15 `callApi`, as generated Alibaba SDKs call it.
 *
 * @param resolveFrom - File URL that `require` resolves the package from (this module may run
 *   from a bundle outside the repository).
 */
export function createOfficial(port: number, resolveFrom: string): Contender {
  const official = createRequire(resolveFrom)("@alicloud/openapi-client") as OfficialModule;
  const client = new official.default(
    new official.Config({
      accessKeyId: ACCESS_KEY_ID,
      accessKeySecret: ACCESS_KEY_SECRET,
      endpoint: `127.0.0.1:${port}`,
      protocol: "http",
    }),
  );
  const params = new official.Params({ ...OFFICIAL_ADD_CROSS_ACCOUNT_PARAMS, protocol: "HTTP" });
  const call = (): Promise<unknown> => {
    // Generated SDKs copy each field into a string map before building the request.
    const query = Object.fromEntries(
      Object.entries(REQUEST).map(([name, value]) => [name, String(value)]),
    );
    return client.callApi(params, new official.OpenApiRequest({ query }), {});
  };
  // NOTE: the official runtime's HTTP library owns its keep-alive agent and offers no way to
  // close it, so its sockets stay open until the process exits.
  return { name: "@alicloud/openapi-client 0.4.15", call, close: () => {} };
}
