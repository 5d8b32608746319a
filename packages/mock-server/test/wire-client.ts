/**
 * Sends hand-built requests to a mock server, signed with @acs-sdk/core's V3 signature, and lets
 * a test change any byte after signing. Tests use it where a real client would refuse to send
 * the request they need.
 */
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import {
  computeAcs3Signature,
  formatAcs3Authorization,
  percentEncode,
  sha256Hex,
} from "@acs-sdk/core";
import type { MockCredential } from "../src/index.js";

/** Where the server listens; a `MockServer` qualifies. */
export interface ServerAddress {
  readonly port: number;
}

/** The request line, headers and body exactly as they go on the wire. */
export interface WireRequest {
  method: string;
  /** Path and query string, percent-encoded. */
  target: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** What to send; everything but the operation has a default. */
export interface SignedRequestSpec {
  readonly action?: string;
  readonly version?: string;
  readonly method?: string;
  readonly pathname?: string;
  readonly query?: ReadonlyArray<readonly [string, string]>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly contentType?: string;
  readonly credential?: MockCredential;
  /** Time written into `x-acs-date`. */
  readonly date?: Date;
  readonly nonce?: string;
}

/** A response as received. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: Record<string, unknown> | undefined;
}

/** The AccessKey pair the tests configure. */
export const TEST_CREDENTIAL: MockCredential = {
  accessKeyId: "LTAI-test-key",
  accessKeySecret: "test-secret-value",
};

/** STS credentials the tests configure: an AccessKey pair with its security token. */
export const TEST_STS_CREDENTIAL: MockCredential = {
  accessKeyId: "STS.test-key",
  accessKeySecret: "sts-secret-value",
  securityToken: "CAIS-session-token-value",
};

/** Builds a V3-signed request for `server`. */
export function signedRequest(server: ServerAddress, spec: SignedRequestSpec = {}): WireRequest {
  const credential = spec.credential ?? TEST_CREDENTIAL;
  const body = Buffer.from(spec.body ?? "");
  const query = spec.query ?? [];
  const headers: Record<string, string> = {
    host: `127.0.0.1:${server.port}`,
    "x-acs-action": spec.action ?? "AddCrossAccount",
    "x-acs-version": spec.version ?? "2017-09-08",
    "x-acs-date": `${(spec.date ?? new Date()).toISOString().slice(0, 19)}Z`,
    "x-acs-signature-nonce": spec.nonce ?? randomUUID(),
    "x-acs-content-sha256": sha256Hex(body),
    ...(spec.contentType === undefined ? {} : { "content-type": spec.contentType }),
    ...(credential.securityToken === undefined
      ? {}
      : { "x-acs-security-token": credential.securityToken }),
    ...spec.headers,
  };
  const method = spec.method ?? "POST";
  const pathname = spec.pathname ?? "/";
  const signature = computeAcs3Signature({
    method,
    pathname,
    query,
    headers,
    body,
    accessKeySecret: credential.accessKeySecret,
  });
  headers.authorization = formatAcs3Authorization(
    credential.accessKeyId,
    signature.signedHeaders,
    signature.signature,
  );
  const queryString = query.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`);
  return {
    method,
    target: queryString.length === 0 ? pathname : `${pathname}?${queryString.join("&")}`,
    headers,
    body,
  };
}

/** Sends `request` as it is to the server and reads the whole response. */
export function send(server: ServerAddress, request: WireRequest): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: "127.0.0.1",
        port: server.port,
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
          let json: Record<string, unknown> | undefined;
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            json = undefined;
          }
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, json });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}
