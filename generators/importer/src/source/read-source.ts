/**
 * Reads the metadata text from a file or an HTTP(S) URL. A download whose body is shorter than
 * its `Content-Length`, or whose connection ends early, is an error: a cut-off file must never be
 * imported.
 */
import { readFile } from "node:fs/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { DiagnosticCollector, ImportError } from "../diagnostics.js";

const MAX_REDIRECTS = 5;
const TIMEOUT_MS = 60_000;

/** Tells whether `source` names a URL rather than a file. */
export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

function fail(
  source: string,
  code: "input-unreadable" | "download-failed" | "download-truncated",
  message: string,
): never {
  const collector = new DiagnosticCollector(source);
  collector.report(code, "", message);
  throw new ImportError(collector.list());
}

function decode(source: string, body: Buffer, encoding: string | undefined): string {
  try {
    switch (encoding?.toLowerCase()) {
      case undefined:
      case "identity":
        return body.toString("utf8");
      case "gzip":
      case "x-gzip":
        return gunzipSync(body).toString("utf8");
      case "deflate":
        return inflateSync(body).toString("utf8");
      case "br":
        return brotliDecompressSync(body).toString("utf8");
      default:
        return fail(source, "download-failed", `the body uses content encoding ${encoding}`);
    }
  } catch (error) {
    if (error instanceof ImportError) {
      throw error;
    }
    return fail(
      source,
      "download-truncated",
      `the ${encoding} body does not decompress: ${String(error)}`,
    );
  }
}

function receive(source: string, response: IncomingMessage): Promise<string> {
  const announced = response.headers["content-length"];
  const expected = announced === undefined ? undefined : Number(announced);
  const chunks: Buffer[] = [];
  let received = 0;
  return new Promise((resolve, reject) => {
    const settle = (action: () => string) => {
      try {
        resolve(action());
      } catch (error) {
        reject(error);
      }
    };
    response.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    });
    response.on("close", () =>
      settle(() => {
        if (!response.complete || (expected !== undefined && received !== expected)) {
          const of = expected === undefined ? "" : ` of ${expected} announced`;
          return fail(
            source,
            "download-truncated",
            `the connection ended after ${received} bytes${of}`,
          );
        }
        return decode(source, Buffer.concat(chunks), response.headers["content-encoding"]);
      }),
    );
    // A reset connection also emits `close`, which reports it; this only keeps it from throwing.
    response.on("error", () => undefined);
  });
}

async function download(source: string, url: URL, redirects: number): Promise<string> {
  const client = url.protocol === "https:" ? https : http;
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = client.get(
      url,
      { headers: { accept: "application/json" }, timeout: TIMEOUT_MS },
      resolve,
    );
    request.on("timeout", () => request.destroy(new Error(`timed out after ${TIMEOUT_MS} ms`)));
    request.on("error", reject);
  }).catch((error: unknown) =>
    fail(source, "download-failed", `the request failed: ${String(error)}`),
  );
  const status = response.statusCode ?? 0;
  const location = response.headers.location;
  if (status >= 300 && status < 400 && location !== undefined && redirects < MAX_REDIRECTS) {
    response.resume();
    return download(source, new URL(location, url), redirects + 1);
  }
  if (status !== 200) {
    response.resume();
    return fail(source, "download-failed", `the server answered ${status}`);
  }
  return receive(source, response);
}

/** Reads `source` (a file path or an http/https URL) as UTF-8 text. */
export async function readSource(source: string): Promise<string> {
  if (isUrl(source)) {
    return download(source, new URL(source), 0);
  }
  try {
    return await readFile(source, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(source, "input-unreadable", `the file cannot be read: ${reason}`);
  }
}
