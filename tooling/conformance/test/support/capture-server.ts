/**
 * A loopback HTTP server that records every request byte for byte and responds to each with a
 * JSON 200, so that two clients' requests for the same call can be compared part by part.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One request exactly as it arrived. */
export interface CapturedRequest {
  readonly method: string;
  /** Request target as sent: path plus `?query`. */
  readonly target: string;
  /** Path as sent, still percent-encoded. */
  readonly pathname: string;
  /** Query string as sent, without `?`; empty when there is none. */
  readonly rawQuery: string;
  /** Header values by lowercase name (Node joins repeated headers). */
  readonly headers: Readonly<Record<string, string>>;
  /** Header names with the case the client wrote them in, in order. */
  readonly rawHeaderNames: readonly string[];
  readonly body: Buffer;
}

/** A running capture server. */
export interface CaptureServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `127.0.0.1:<port>`: the form the official runtime takes as its endpoint. */
  readonly host: string;
  readonly requests: CapturedRequest[];
  /** Returns the only request received since the last call and removes it from `requests`. */
  take(): CapturedRequest;
  close(): Promise<void>;
}

/** Body of the 200 response to every captured request. */
export const CAPTURE_ANSWER = { RequestId: "0C4A7A2E-CAPTURE", Success: true };

/** Starts a capture server on 127.0.0.1 with a free port. */
export async function startCaptureServer(): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  // Property tests send long lists of 4-byte characters; Node's default limit is 16 KiB.
  const server = createServer({ maxHeaderSize: 1024 * 1024 }, (incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const target = incoming.url ?? "/";
      const queryStart = target.indexOf("?");
      const headers: Record<string, string> = {};
      for (const [name, values] of Object.entries(incoming.headersDistinct)) {
        if (values !== undefined) {
          headers[name] = values.join(",");
        }
      }
      requests.push({
        method: incoming.method ?? "",
        target,
        pathname: queryStart === -1 ? target : target.slice(0, queryStart),
        rawQuery: queryStart === -1 ? "" : target.slice(queryStart + 1),
        headers,
        rawHeaderNames: incoming.rawHeaders.filter((_, index) => index % 2 === 0),
        body: Buffer.concat(chunks),
      });
      response.writeHead(200, { "content-type": "application/json;charset=utf-8" });
      response.end(JSON.stringify(CAPTURE_ANSWER));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    take() {
      const received = requests.splice(0);
      const [request] = received;
      if (request === undefined || received.length > 1) {
        throw new Error(`expected exactly one captured request, got ${received.length}`);
      }
      return request;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
