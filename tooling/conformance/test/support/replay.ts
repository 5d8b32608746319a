/**
 * Sends a captured request again, byte for byte or with one byte changed, to another server.
 * The `host` header is sent as captured: it is signed, and the mock server does not check it
 * against its own address.
 */
import { request as httpRequest } from "node:http";
import type { CapturedRequest } from "./capture-server.js";

/** A request to replay: the captured parts that go on the wire. */
export interface ReplayRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** What came back. */
export interface ReplayResponse {
  readonly status: number;
  /** `Code` of a JSON error body; undefined for a success or a non-JSON body. */
  readonly code: string | undefined;
  readonly text: string;
}

/** Headers Node writes itself; copying them would duplicate or contradict them. */
const TRANSPORT_HEADERS = new Set(["connection", "content-length", "transfer-encoding"]);

/** The replayable parts of a captured request. */
export function replayable(captured: CapturedRequest): ReplayRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(captured.headers)) {
    if (!TRANSPORT_HEADERS.has(name)) {
      headers[name] = value;
    }
  }
  return { method: captured.method, target: captured.target, headers, body: captured.body };
}

/** Sends `request` to `127.0.0.1:port` on a fresh connection and reads the whole answer. */
export function replay(port: number, request: ReplayRequest): Promise<ReplayResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: request.method,
        path: request.target,
        headers: { ...request.headers, "content-length": String(request.body.length) },
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let code: string | undefined;
          try {
            code = (JSON.parse(text) as { Code?: string }).Code;
          } catch {
            code = undefined;
          }
          resolve({ status: incoming.statusCode ?? 0, code, text });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/**
 * Changes the character at `index` to another one of its kind, so that the text stays
 * well-formed where it can: a digit to the next digit, a letter to the next letter of the same
 * case, anything else to `Q`. Never a change of case alone, which percent-escapes ignore.
 */
export function changeCharAt(text: string, index: number): string {
  const char = text.charAt(index);
  let replacement = "Q";
  if (/[0-9]/.test(char)) {
    replacement = String((Number(char) + 1) % 10);
  } else if (/[a-y]/i.test(char)) {
    replacement = String.fromCharCode(char.charCodeAt(0) + 1);
  } else if (char === "z" || char === "Z") {
    replacement = char === "z" ? "a" : "A";
  }
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}
