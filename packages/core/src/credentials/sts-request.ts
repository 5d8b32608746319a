import { encodeSortedParameters } from "../percent-encode.js";
import type { Credential } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";
import { sendCredentialRequest } from "./credentials-http.js";
import {
  type EnvironmentVariables,
  isEnvFlagSet,
  type ProviderRuntimeOptions,
  readEnv,
} from "./provider-options.js";
import { describeUrl, redactSecrets } from "./secret-redaction.js";
import { parseJsonBody, readSessionCredential } from "./session-response.js";

/** STS API version of `AssumeRole` and `AssumeRoleWithOIDC`. */
export const STS_API_VERSION = "2015-04-01";

/** Shortest session STS grants, in seconds. */
export const MIN_SESSION_DURATION_SECONDS = 900;

/** Session length requested when none is configured, in seconds. */
export const DEFAULT_SESSION_DURATION_SECONDS = 3600;

/** Timeouts of the official runtime for STS calls. */
const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
const DEFAULT_READ_TIMEOUT_MS = 10000;

/** Prefix STS puts before its own string to sign in a `SignatureDoesNotMatch` message. */
const SERVER_STRING_TO_SIGN_MARKER = "server string to sign is:";

/** Location of the STS endpoint. */
export interface StsEndpointOptions {
  /**
   * Host name (`sts.cn-hangzhou.aliyuncs.com`, sent over HTTPS) or URL
   * (`http://127.0.0.1:8080`) of STS. Wins over the region rule.
   */
  readonly stsEndpoint?: string;
  /** Region for `sts.<region>.aliyuncs.com`; defaults to `ALIBABA_CLOUD_STS_REGION`. */
  readonly stsRegionId?: string;
  /** Use `sts-vpc.<region>.aliyuncs.com`; defaults to `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`. */
  readonly enableVpc?: boolean;
}

/**
 * Resolves the STS base URL: the explicit endpoint, else `sts-vpc.<region>.aliyuncs.com` (VPC)
 * or `sts.<region>.aliyuncs.com`, else the global `sts.aliyuncs.com`, as the official runtime.
 */
export function resolveStsEndpoint(
  provider: string,
  options: StsEndpointOptions,
  env: EnvironmentVariables,
): URL {
  let endpoint = options.stsEndpoint;
  if (endpoint === undefined || endpoint === "") {
    const region = options.stsRegionId || readEnv(env, "ALIBABA_CLOUD_STS_REGION");
    const vpc = options.enableVpc ?? isEnvFlagSet(env, "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED");
    endpoint = region ? `sts${vpc ? "-vpc" : ""}.${region}.aliyuncs.com` : "sts.aliyuncs.com";
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    url = new URL("invalid:");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new CredentialsError(
      "InvalidCredentialOptions",
      provider,
      `STS endpoint "${endpoint}" is neither a host name nor an http(s) URL`,
    );
  }
  return url;
}

/**
 * Validates a requested session length.
 *
 * @throws CredentialsError `InvalidCredentialOptions` below 900 seconds or when not an integer.
 */
export function checkSessionDuration(provider: string, durationSeconds: number): number {
  if (!Number.isInteger(durationSeconds) || durationSeconds < MIN_SESSION_DURATION_SECONDS) {
    throw new CredentialsError(
      "InvalidCredentialOptions",
      provider,
      `durationSeconds ${durationSeconds} is invalid; use an integer of at least ${MIN_SESSION_DURATION_SECONDS} up to the role's maximum session duration`,
    );
  }
  return durationSeconds;
}

/** Options `AssumeRole` and `AssumeRoleWithOIDC` share. */
export interface RoleSessionOptions extends StsEndpointOptions {
  /**
   * Session name recorded in audit logs; defaults to `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else
   * `credentials-nodejs-<epoch ms>` like the official runtime.
   */
  readonly roleSessionName?: string;
  /** Session length in seconds; default 3600, at least 900. */
  readonly durationSeconds?: number;
}

/** The STS endpoint and the session parameters common to both role actions. */
export interface ResolvedRoleSession {
  readonly endpoint: URL;
  readonly form: { readonly RoleSessionName: string; readonly DurationSeconds: string };
}

/**
 * Resolves the STS endpoint, the session name (option, else `ALIBABA_CLOUD_ROLE_SESSION_NAME`,
 * else `credentials-nodejs-<epoch ms>` as in the official runtime) and the checked duration.
 *
 * @throws CredentialsError `InvalidCredentialOptions` for a bad duration or endpoint.
 */
export function resolveRoleSession(
  provider: string,
  options: RoleSessionOptions,
  env: EnvironmentVariables,
  nowMs: number,
): ResolvedRoleSession {
  const durationSeconds = checkSessionDuration(
    provider,
    options.durationSeconds ?? DEFAULT_SESSION_DURATION_SECONDS,
  );
  const roleSessionName =
    options.roleSessionName ||
    readEnv(env, "ALIBABA_CLOUD_ROLE_SESSION_NAME") ||
    `credentials-nodejs-${nowMs}`;
  return {
    endpoint: resolveStsEndpoint(provider, options, env),
    form: { RoleSessionName: roleSessionName, DurationSeconds: String(durationSeconds) },
  };
}

/** One STS call; everything but the endpoint is already laid out as wire parameters. */
export interface StsCall
  extends Pick<ProviderRuntimeOptions, "connectTimeoutMs" | "readTimeoutMs"> {
  readonly provider: string;
  readonly endpoint: URL;
  readonly query: Readonly<Record<string, string>>;
  readonly form: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** The client's string to sign, to tell a wrong secret from a canonicalization mismatch. */
  readonly stringToSign?: string;
  /** Values that must not appear in messages even if the server echoes them. */
  readonly secrets: ReadonlyArray<string | undefined>;
}

/**
 * POSTs an STS action (query parameters in the URL, action parameters as a form body) and
 * returns the session in the response's `Credentials`.
 *
 * @throws CredentialsError `CredentialRequestFailed` for a transport failure or an STS error,
 *   `InvalidAccessKeySecret` when STS signed the same string with a different secret, and
 *   `InvalidCredentialResponse` when a 200 response lacks credentials.
 */
export async function callSts(call: StsCall): Promise<Credential> {
  const url = new URL(call.endpoint);
  url.pathname = "/";
  url.search = encodeSortedParameters(call.query);
  const where = `POST ${describeUrl(url)}`;
  const response = await sendCredentialRequest(call.provider, {
    method: "POST",
    url,
    headers: { "content-type": "application/x-www-form-urlencoded", ...call.headers },
    body: encodeSortedParameters(call.form),
    connectTimeoutMs: call.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    readTimeoutMs: call.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
  });
  if (response.status !== 200) {
    throw describeStsError(call, where, response.status, response.body);
  }
  const data = parseJsonBody(call.provider, response.body, where) as { Credentials?: unknown };
  return readSessionCredential(call.provider, data?.Credentials, where, "Credentials.");
}

function describeStsError(call: StsCall, where: string, status: number, body: string): Error {
  let parsed: { Code?: unknown; Message?: unknown; RequestId?: unknown } | undefined;
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || typeof parsed.Code !== "string") {
    return new CredentialsError(
      "CredentialRequestFailed",
      call.provider,
      `${where} returned HTTP ${status} without an STS error body (${body.length} characters)`,
    );
  }
  const requestId = typeof parsed.RequestId === "string" ? ` (RequestId ${parsed.RequestId})` : "";
  let message = typeof parsed.Message === "string" ? parsed.Message : "";
  const markerAt = message.indexOf(SERVER_STRING_TO_SIGN_MARKER);
  if (markerAt >= 0) {
    const serverStringToSign = message.slice(markerAt + SERVER_STRING_TO_SIGN_MARKER.length);
    if (parsed.Code === "SignatureDoesNotMatch" && serverStringToSign === call.stringToSign) {
      return new CredentialsError(
        "InvalidAccessKeySecret",
        call.provider,
        `STS rejected the signature although it computed the same string to sign, so the source AccessKey secret is wrong${requestId}; check it for typos and surrounding whitespace`,
      );
    }
    // The echoed string to sign contains the source security token, so it is never repeated.
    message = `${message.slice(0, markerAt + SERVER_STRING_TO_SIGN_MARKER.length)} <omitted>`;
  }
  return new CredentialsError(
    "CredentialRequestFailed",
    call.provider,
    `${where} returned HTTP ${status} ${parsed.Code}: ${redactSecrets(message, call.secrets)}${requestId}`,
  );
}
