import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Socket } from "node:net";
import type { ResolvedEndpoint } from "../endpoint.js";
import { NetworkError, RequestAbortedError, TimeoutError } from "../errors.js";

/** One HTTP exchange to send. */
export interface TransportRequest {
  readonly endpoint: ResolvedEndpoint;
  readonly method: string;
  /** Request target: path and query. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | undefined;
}

/** A complete HTTP response, body buffered. */
export interface TransportResponse {
  readonly status: number;
  /** Lowercase names; repeated headers joined with `, `. */
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** Limits of one attempt. */
export interface TransportOptions {
  /** Maximum wait for the TCP connection (and TLS handshake) of a new socket. */
  readonly connectTimeoutMs: number;
  /** Maximum wait for response bytes once the request is sent, reset by every chunk received. */
  readonly readTimeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** API name, for error messages. */
  readonly action: string;
}

/**
 * Sends requests over `node:http`/`node:https` with keep-alive agents owned by one client.
 * Each error records in `requestSent` whether request bytes may have reached the server. A failure
 * while connecting a new socket sent nothing, and any later failure might have sent the request.
 */
export class HttpTransport {
  #httpAgent: HttpAgent | undefined;
  #httpsAgent: HttpsAgent | undefined;

  send(request: TransportRequest, options: TransportOptions): Promise<TransportResponse> {
    return new Promise((resolve, reject) => {
      const { endpoint } = request;
      const isHttps = endpoint.protocol === "https:";
      const target = `${endpoint.protocol}//${endpoint.host}`;
      const { signal } = options;
      let settled = false;
      let connected = false;
      let flushed = false;
      let connectTimer: NodeJS.Timeout | undefined;
      let readTimer: NodeJS.Timeout | undefined;

      const outgoing = (isHttps ? httpsRequest : httpRequest)({
        agent: isHttps ? this.#getHttpsAgent() : this.#getHttpAgent(),
        hostname: endpoint.hostname,
        port: endpoint.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
      });

      const onAbort = (): void => {
        fail(new RequestAbortedError(options.action, signal?.reason));
      };
      const fail = (error: Error): void => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(readTimer);
        signal?.removeEventListener("abort", onAbort);
        outgoing.destroy();
        reject(error);
      };
      // One timer per attempt, restarted with refresh(): cheaper than a new timer per chunk.
      const armReadTimer = (): void => {
        if (readTimer === undefined) {
          readTimer = setTimeout(() => {
            fail(new TimeoutError("read", options.readTimeoutMs, target));
          }, options.readTimeoutMs);
        } else {
          readTimer.refresh();
        }
      };
      const onConnected = (): void => {
        connected = true;
        clearTimeout(connectTimer);
        if (flushed) {
          armReadTimer();
        }
      };

      if (signal !== undefined) {
        if (signal.aborted) {
          onAbort();
          return;
        }
        signal.addEventListener("abort", onAbort, { once: true });
      }

      outgoing.once("socket", (socket: Socket) => {
        const isNew = !outgoing.reusedSocket && (socket.connecting || isHttps);
        if (!isNew) {
          onConnected();
          return;
        }
        connectTimer = setTimeout(() => {
          fail(new TimeoutError("connect", options.connectTimeoutMs, target));
        }, options.connectTimeoutMs);
        socket.once(isHttps ? "secureConnect" : "connect", onConnected);
      });
      outgoing.once("finish", () => {
        flushed = true;
        if (connected) {
          armReadTimer();
        }
      });
      outgoing.once("response", (response) => {
        armReadTimer();
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          armReadTimer();
        });
        response.once("end", () => {
          if (settled) {
            return;
          }
          settled = true;
          clearTimeout(readTimer);
          signal?.removeEventListener("abort", onAbort);
          resolve({
            status: response.statusCode ?? 0,
            headers: flattenHeaders(response.headers),
            body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks),
          });
        });
        response.once("error", (error) => {
          fail(networkError(target, true, error));
        });
      });
      outgoing.once("error", (error) => {
        fail(networkError(target, connected, error));
      });
      outgoing.end(request.body);
    });
  }

  /** Closes pooled sockets; later requests open new ones. */
  destroy(): void {
    this.#httpAgent?.destroy();
    this.#httpsAgent?.destroy();
    this.#httpAgent = undefined;
    this.#httpsAgent = undefined;
  }

  #getHttpAgent(): HttpAgent {
    this.#httpAgent ??= new HttpAgent({ keepAlive: true, scheduling: "lifo" });
    return this.#httpAgent;
  }

  #getHttpsAgent(): HttpsAgent {
    this.#httpsAgent ??= new HttpsAgent({ keepAlive: true, scheduling: "lifo" });
    return this.#httpsAgent;
  }
}

function networkError(target: string, requestSent: boolean, cause: Error): NetworkError {
  const code = (cause as NodeJS.ErrnoException).code;
  const reason = code === undefined ? cause.message : `${code}: ${cause.message}`;
  const message = requestSent
    ? `Connection to ${target} failed after the request was sent (${reason}); the server may have processed it.`
    : `Could not connect to ${target} (${reason}); nothing was sent. Check the endpoint and the network.`;
  return new NetworkError("NetworkFailure", message, requestSent, cause);
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  // Node.js joins repeated headers itself except a few (set-cookie), which arrive as arrays.
  for (const name of Object.keys(headers)) {
    if (Array.isArray(headers[name])) {
      const flat: Record<string, string> = {};
      for (const key of Object.keys(headers)) {
        const value = headers[key];
        if (value !== undefined) {
          flat[key] = typeof value === "string" ? value : value.join(", ");
        }
      }
      return flat;
    }
  }
  return headers as Record<string, string>;
}
