import { createHmac } from "node:crypto";
import {
  type LoopbackServer,
  type ReceivedRequest,
  sendJson,
  startLoopbackServer,
} from "../../support/loopback-server.js";

/** Options of the fake STS. */
export interface StsServerOptions {
  /** AccessKey secrets STS accepts, by AccessKey ID. */
  readonly secrets: Readonly<Record<string, string>>;
  /** Expiration (UTC text) of the next session issued. */
  readonly expiration: () => string;
  /** OIDC tokens `AssumeRoleWithOIDC` accepts. */
  readonly oidcTokens?: readonly string[];
  /** When set, every response waits for this promise. */
  readonly hold?: () => Promise<void>;
  /** Replaces the normal response, e.g. to return an STS error. */
  readonly override?: (request: ReceivedRequest) => { status: number; body: unknown } | undefined;
}

/** The fake STS plus what it has issued. */
export interface StsServer extends LoopbackServer {
  /** Every parameter of a received request: query and form together. */
  parameters(index: number): Record<string, string>;
}

// Deliberately written apart from src/signing/rpc-v1-signature.ts so that a bug there is not
// mirrored here: encodeURIComponent plus the five characters it leaves unencoded.
function rfc3986(value: string): string {
  return encodeURIComponent(value)
    .replace(/!/g, "%21")
    .replace(/'/g, "%27")
    .replace(/\(/g, "%28")
    .replace(/\)/g, "%29")
    .replace(/\*/g, "%2A");
}

function allParameters(request: ReceivedRequest): Record<string, string> {
  return {
    ...Object.fromEntries(request.url.searchParams),
    ...Object.fromEntries(new URLSearchParams(request.body.toString())),
  };
}

/**
 * Starts a fake STS on 127.0.0.1 that checks `AssumeRole` signatures (HMAC-SHA1 over sorted
 * query and form parameters) and the OIDC token of `AssumeRoleWithOIDC`, and issues sessions
 * numbered in order: `STS.session-1`, `session-secret-1`, `session-token-1`, …
 */
export async function startStsServer(options: StsServerOptions): Promise<StsServer> {
  let issued = 0;
  const server = await startLoopbackServer(async (request, response) => {
    await options.hold?.();
    const overridden = options.override?.(request);
    if (overridden) {
      sendJson(response, overridden.status, overridden.body);
      return;
    }
    const parameters = allParameters(request);
    const requestId = `request-${server.requests.length}`;
    if (request.method !== "POST") {
      sendJson(response, 400, { Code: "UnsupportedHTTPMethod", RequestId: requestId });
      return;
    }
    if (parameters.Action === "AssumeRole") {
      const { Signature: signature, ...signed } = parameters;
      const canonical = Object.keys(signed)
        .sort()
        .map((key) => `${rfc3986(key)}=${rfc3986(signed[key] ?? "")}`)
        .join("&");
      const stringToSign = `POST&%2F&${rfc3986(canonical)}`;
      const secret = options.secrets[parameters.AccessKeyId ?? ""];
      const expected =
        secret === undefined
          ? undefined
          : createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
      if (expected === undefined || expected !== signature) {
        sendJson(response, 400, {
          Code: "SignatureDoesNotMatch",
          Message: `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
          RequestId: requestId,
        });
        return;
      }
    } else if (parameters.Action === "AssumeRoleWithOIDC") {
      if (!options.oidcTokens?.includes(parameters.OIDCToken ?? "")) {
        sendJson(response, 400, {
          Code: "AuthenticationFail.OIDCToken.Invalid",
          Message: `The OIDC token ${parameters.OIDCToken} is invalid.`,
          RequestId: requestId,
        });
        return;
      }
    } else {
      sendJson(response, 400, { Code: "InvalidAction.NotFound", RequestId: requestId });
      return;
    }
    issued += 1;
    sendJson(response, 200, {
      RequestId: requestId,
      Credentials: {
        AccessKeyId: `STS.session-${issued}`,
        AccessKeySecret: `session-secret-${issued}`,
        SecurityToken: `session-token-${issued}`,
        Expiration: options.expiration(),
      },
    });
  });
  return {
    ...server,
    parameters: (index) => {
      const request = server.requests[index];
      if (!request) {
        throw new Error(`STS received no request #${index}`);
      }
      return allParameters(request);
    },
  };
}
