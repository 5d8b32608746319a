import type { IncomingHttpHeaders } from "node:http";
import { CredentialsError } from "./credentials-error.js";
import { describeUrl } from "./secret-redaction.js";

/** Maximum response body read from a credential endpoint; real responses are a few hundred bytes. */
const MAX_BODY_BYTES = 1024 * 1024;

/** One request to STS, the instance metadata service or a credentials URI. */
export interface CredentialHttpRequest {
  readonly method: "GET" | "PUT" | "POST";
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly connectTimeoutMs: number;
  /** Maximum idle time on the socket once connected, in milliseconds. */
  readonly readTimeoutMs: number;
  readonly signal?: AbortSignal;
}

/** Status, headers and UTF-8 body of a completed exchange. */
export interface CredentialHttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * Sends one request on a fresh connection (credential calls are rare, so no keep-alive pool is
 * held open) and reads the whole body. Rejects with the signal's reason on abort.
 *
 * @throws CredentialsError `CredentialRequestFailed` on connect or read timeout, a network error
 *   or an oversized body. Messages name the method and URL without its query string.
 */
export function sendCredentialRequest(
  provider: string,
  options: CredentialHttpRequest,
): Promise<CredentialHttpResponse> {
  const target = `${options.method} ${describeUrl(options.url)}`;
  const failure = (reason: string) =>
    new CredentialsError("CredentialRequestFailed", provider, `${target} failed: ${reason}`);

  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(options.signal.reason);
      return;
    }
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) {
      headers["content-length"] = String(Buffer.byteLength(options.body));
    }
    // Loaded here, not imported, so that a bundle containing this module starts without them.
    const { request: send } =
      options.url.protocol === "https:"
        ? process.getBuiltinModule("node:https")
        : process.getBuiltinModule("node:http");
    const request = send(options.url, { method: options.method, headers, agent: false });

    let settled = false;
    const settle = (error: unknown, response?: CredentialHttpResponse) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(connectTimer);
      options.signal?.removeEventListener("abort", onAbort);
      if (error === undefined && response) {
        resolve(response);
      } else {
        request.destroy();
        reject(error);
      }
    };
    const onAbort = () => settle(options.signal?.reason);
    options.signal?.addEventListener("abort", onAbort, { once: true });

    const connectTimer = setTimeout(
      () => settle(failure(`no connection within ${options.connectTimeoutMs} ms`)),
      options.connectTimeoutMs,
    );
    request.on("socket", (socket) => {
      socket.once("connect", () => {
        clearTimeout(connectTimer);
        socket.setTimeout(options.readTimeoutMs, () =>
          settle(failure(`no response data within ${options.readTimeoutMs} ms`)),
        );
      });
    });
    request.on("error", (error) => settle(failure(error.message)));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          settle(failure(`response body exceeds ${MAX_BODY_BYTES} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.on("error", (error) => settle(failure(error.message)));
      response.on("end", () =>
        settle(undefined, {
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.end(options.body);
  });
}
