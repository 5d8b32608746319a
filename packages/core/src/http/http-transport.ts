import type { Agent, IncomingHttpHeaders } from "node:http";
import type { Socket } from "node:net";
import type { ResolvedEndpoint } from "../endpoint.js";
import type { TransportFailure } from "./transport-errors.js";

/** The parts of a request that every attempt of one call shares. */
export interface TransportRequest {
  readonly endpoint: ResolvedEndpoint;
  readonly method: string;
  readonly body: Buffer | undefined;
}

/** The signed request target and headers of one attempt. */
export interface TransportAttempt {
  /** Request target: path and query. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
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
  /** Keep-alive agent and request function by protocol (`http:`, `https:`). */
  #protocols: Record<string, Protocol> = {};

  send(
    request: TransportRequest,
    attempt: TransportAttempt,
    options: TransportOptions,
  ): Promise<TransportResponse> {
    return new Promise((resolve, reject) => {
      const { endpoint } = request;
      const isHttps = endpoint.protocol === "https:";
      const target = `${endpoint.protocol}//${endpoint.host}`;
      const { signal, readTimeoutMs } = options;
      let connected = false;
      let flushed = false;
      let connectTimer: NodeJS.Timeout | undefined;
      let readTimer: NodeJS.Timeout | undefined;

      const protocol = this.#protocols[endpoint.protocol] ?? loadProtocol(isHttps);
      this.#protocols[endpoint.protocol] = protocol;
      const { agent, request: send } = protocol;
      // Node.js destroys the request when `signal` fires and removes its listener at the end.
      const outgoing = send({
        agent,
        hostname: endpoint.hostname,
        port: endpoint.port,
        method: request.method,
        path: attempt.path,
        headers: attempt.headers,
        signal,
      });

      const settle = (response: TransportResponse): void => {
        clearTimeout(connectTimer);
        clearTimeout(readTimer);
        resolve(response);
      };
      let failed = false;
      // Destroying the request emits one more error event; the first failure is the one reported.
      const fail = (failure: TransportFailure): void => {
        if (failed) {
          return;
        }
        failed = true;
        clearTimeout(connectTimer);
        clearTimeout(readTimer);
        outgoing.destroy();
        // A literal specifier, so that bundlers split the module into a chunk of its own.
        import("./transport-errors.js").then(
          (module) => reject(module.transportError(target, options.action, signal, failure)),
          reject,
        );
      };
      const timeout = (phase: "connect" | "read", ms: number): NodeJS.Timeout =>
        setTimeout(() => fail({ timeout: phase, ms }), ms);
      // One timer per attempt, restarted with refresh(): cheaper than a new timer per chunk.
      const armReadTimer = (): void => {
        readTimer = readTimer?.refresh() ?? timeout("read", readTimeoutMs);
      };
      const onConnected = (): void => {
        connected = true;
        clearTimeout(connectTimer);
        if (flushed) {
          armReadTimer();
        }
      };

      outgoing.once("socket", (socket: Socket) => {
        if (outgoing.reusedSocket || !(socket.connecting || isHttps)) {
          return onConnected();
        }
        connectTimer = timeout("connect", options.connectTimeoutMs);
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
        response.once("end", () =>
          settle({
            status: response.statusCode as number,
            headers: flattenHeaders(response.headers),
            body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks),
          }),
        );
        response.once("error", (cause) => fail({ cause, sent: true }));
      });
      outgoing.once("error", (cause) => fail({ cause, sent: connected }));
      outgoing.end(request.body);
    });
  }

  /** Closes pooled sockets; later requests open new ones. */
  destroy(): void {
    for (const { agent } of Object.values(this.#protocols)) {
      agent.destroy();
    }
    this.#protocols = {};
  }
}

interface Protocol {
  readonly agent: Agent;
  readonly request: typeof import("node:http").request;
}

/**
 * Creates the keep-alive agent of `node:http` or `node:https`. The module is loaded on the first
 * request, not when the application imports the client, because importing `node:http` costs
 * milliseconds at start-up and `node:https` (TLS) more.
 */
function loadProtocol(isHttps: boolean): Protocol {
  const { Agent, request } = isHttps
    ? process.getBuiltinModule("node:https")
    : process.getBuiltinModule("node:http");
  return { agent: new Agent({ keepAlive: true, scheduling: "lifo" }), request };
}

/** Node.js joins repeated headers itself except a few (`set-cookie`), which arrive as arrays. */
function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  for (const name in headers) {
    const value = headers[name];
    if (Array.isArray(value)) {
      headers[name] = value.join(", ");
    }
  }
  return headers as Record<string, string>;
}
