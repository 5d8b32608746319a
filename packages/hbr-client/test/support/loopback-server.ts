/** A plain HTTP server on 127.0.0.1 that records requests and replies like the HBR gateway. */

import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { HbrClient } from "../../src/index.js";

/** One request the server received. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** The success body of AddCrossAccount, as the spec's example gives it. */
export const SUCCESS_BODY = {
  Code: "200",
  Message: "successful",
  RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
  Success: true,
};

/** Starts a server on an ephemeral port that replies to every request with {@link SUCCESS_BODY}. */
export async function startLoopbackServer(): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({
        method: request.method ?? "",
        url: new URL(request.url ?? "/", "http://127.0.0.1"),
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(SUCCESS_BODY));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

/**
 * Creates a client that sends to `server` with a throwaway key (the loopback server does not
 * check signatures) and without retries, so that each call makes exactly one request.
 */
export function createTestClient(server: LoopbackServer): HbrClient {
  return new HbrClient({
    endpoint: server.url,
    credentials: {
      accessKeyId: `LTAI${randomBytes(8).toString("hex")}`,
      accessKeySecret: randomBytes(24).toString("base64url"),
      providerName: "static_ak",
    },
    retry: { maxAttempts: 1 },
  });
}
