import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  AcsClient,
  type ClientConfig,
  computeAcs3Signature,
  type OperationDescriptor,
  parseAuthorization,
  type ServiceDescriptor,
} from "@acs-sdk/core";
import { afterEach } from "vitest";

/** A request as the test server received it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly headersDistinct: Record<string, string[]>;
  readonly body: Buffer;
}

/** A node:http server on 127.0.0.1 that records every request it receives. */
export interface LoopbackServer {
  readonly url: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

export type Handler = (request: ReceivedRequest, response: ServerResponse) => void;

/** Starts a server on 127.0.0.1, port 0; each request is recorded, then passed to `handler`. */
export async function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const request: ReceivedRequest = {
        method: incoming.method ?? "",
        url: new URL(incoming.url ?? "/", "http://127.0.0.1"),
        headers: incoming.headers,
        headersDistinct: incoming.headersDistinct as Record<string, string[]>,
        body: Buffer.concat(chunks),
      };
      requests.push(request);
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON response with the given status. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(typeof body === "string" ? body : JSON.stringify(body));
}

/** Recomputes a received request's V3 signature; true when it matches the Authorization header. */
export function hasValidSignature(request: ReceivedRequest, accessKeySecret: string): boolean {
  const authorization = parseAuthorization(String(request.headers.authorization ?? ""));
  if (authorization === undefined) {
    return false;
  }
  const expected = computeAcs3Signature({
    method: request.method,
    pathname: request.url.pathname,
    query: request.url.searchParams,
    headers: request.headersDistinct,
    body: request.body,
    accessKeySecret,
    signedHeaders: authorization.signedHeaders,
  });
  return expected.signature === authorization.signature;
}

/** The HBR product facts used by the client tests. */
export const HBR_SERVICE: ServiceDescriptor = {
  product: "hbr",
  apiVersion: "2017-09-08",
  endpoint: { rule: "regional", productId: "hbr", map: {} },
};

/** AddCrossAccount as the generated client describes it. */
export const ADD_CROSS_ACCOUNT: OperationDescriptor = {
  action: "AddCrossAccount",
  method: "POST",
  pathname: "/",
  style: "RPC",
  readOnly: false,
  parameters: [
    { name: "CrossAccountUserId", in: "query" },
    { name: "CrossAccountRoleName", in: "query" },
    { name: "CrossAccountType", in: "query" },
    { name: "Alias", in: "query" },
  ],
};

/** A read-only operation, which the retry policy may resend after a read timeout. */
export const DESCRIBE_VAULTS: OperationDescriptor = {
  action: "DescribeVaults",
  method: "POST",
  pathname: "/",
  style: "RPC",
  readOnly: true,
  parameters: [
    { name: "VaultId", in: "query" },
    { name: "Tag", in: "query", style: "repeatList" },
  ],
};

/** Static test credentials; the values are searched for in logs and errors. */
export const TEST_CREDENTIAL = {
  accessKeyId: "LTAI5tTestAccessKeyId",
  accessKeySecret: "TestSecret/With+Special=Chars",
  providerName: "static_ak",
} as const;

export const TEST_STS_CREDENTIAL = {
  accessKeyId: "STS.TestAccessKeyId",
  accessKeySecret: "StsSecretValue1234",
  securityToken: "CAIS+Token/Value==WithSpecials",
  providerName: "static_sts",
} as const;

/** A server and a client pointed at it, both closed after the test. */
export interface ClientFixture {
  start(
    handler: Handler,
    config?: ClientConfig,
  ): Promise<{ server: LoopbackServer; client: AcsClient }>;
}

/**
 * Registers an `afterEach` that closes every server and client started through the returned
 * fixture. Clients default to the loopback endpoint and `TEST_CREDENTIAL`.
 */
export function useClientFixture(defaults: ClientConfig = {}): ClientFixture {
  const started: { server: LoopbackServer; client: AcsClient }[] = [];
  afterEach(async () => {
    for (const { server, client } of started.splice(0)) {
      client.destroy();
      await server.close();
    }
  });
  return {
    async start(handler, config = {}) {
      const server = await startLoopbackServer(handler);
      const client = new AcsClient(HBR_SERVICE, {
        endpoint: server.url,
        credentials: TEST_CREDENTIAL,
        ...defaults,
        ...config,
      });
      started.push({ server, client });
      return { server, client };
    },
  };
}
