import type { CallOptions, ClientConfig, WithMetadata } from "./config.js";
import type { Credential, CredentialProvider } from "./credentials/credential.js";
import { CredentialsError } from "./credentials/credentials-error.js";
import { type ResolvedEndpoint, resolveEndpoint } from "./endpoint.js";
import {
  AcsError,
  ConfigurationError,
  RequestAbortedError,
  type ServiceError,
  ValidationError,
} from "./errors.js";
import { HttpTransport } from "./http/http-transport.js";
import type { OperationDescriptor, ServiceDescriptor } from "./operation.js";
import { encodeSortedParameters } from "./percent-encode.js";
import { parseSuccessResponse } from "./response.js";
import type { createServiceError } from "./response-error.js";
import { computeDelayMs, isRetryable, type RetryPolicy, resolveRetryPolicy } from "./retry.js";
import { addHeader } from "./serialization/headers.js";
import { isQueryOnly, serializeQuery } from "./serialization/query-serializer.js";
import { EMPTY_BODY_SHA256, randomNonce, sha256Hex } from "./signing/acs3-signature.js";
import { acs3Signer } from "./signing/acs3-signer.js";
import type { PreparedRequest, RequestSigner } from "./signing/request-signer.js";
import { buildUserAgent } from "./user-agent.js";

/**
 * Connect timeout default. A TCP plus TLS handshake to an Alibaba Cloud endpoint takes well under
 * a second from anywhere with a working route, so 5 s only fails on an unreachable or black-holed
 * endpoint. It is the default Alibaba documents for its V2.0 Node.js SDK.
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Read timeout default: the longest wait for response bytes once a request is sent. Alibaba
 * documents 10 s for its V2.0 Node.js SDK, while its runtime's HTTP library falls back to 3 s.
 * Write operations that create resources can take several seconds, and a read timeout after
 * sending is not retried for them, so the longer documented value is the safer default.
 */
export const DEFAULT_READ_TIMEOUT_MS = 10_000;

/**
 * A configured connection to one product API version. Generated product clients extend it, and
 * generated operation functions call `send`.
 */
export class AcsClient {
  /** Product facts the client was created for. */
  readonly service: ServiceDescriptor;
  /** Options the client was created with. */
  readonly config: ClientConfig;
  readonly #transport = new HttpTransport();
  readonly #userAgent: string;
  #endpoint: ResolvedEndpoint | undefined;
  #defaultChain: Promise<CredentialProvider> | undefined;
  #legacySigner: Promise<RequestSigner> | undefined;
  #errorParser: Promise<typeof createServiceError> | undefined;
  #retryPolicy: RetryPolicy | undefined;

  constructor(service: ServiceDescriptor, config: ClientConfig = {}) {
    this.service = service;
    this.config = config;
    this.#userAgent = buildUserAgent(config.userAgent);
  }

  /**
   * Validates, serializes, signs and sends one operation, retrying per the retry policy, and
   * returns the parsed response body with `$metadata`.
   *
   * @throws ValidationError before sending when `operation.validate` reports issues.
   * @throws ServiceError (or ThrottlingError) for 4xx/5xx responses, NetworkError and
   *   TimeoutError for transport failures, RequestAbortedError when `options.signal` fires,
   *   and SerializationError, ConfigurationError or CredentialsError for those failures.
   */
  async send<TResponse>(
    operation: OperationDescriptor,
    request: object = {},
    options: CallOptions = {},
  ): Promise<WithMetadata<TResponse>> {
    const { action } = operation;
    const { config } = this;
    const { signal } = options;
    const issues = operation.validate?.(request);
    if (issues?.length) {
      throw new ValidationError(action, issues);
    }
    const prepared = await this.#prepare(operation, request, options);
    const signer = config.signatureVersion === "v1" ? await this.#loadLegacySigner() : acs3Signer;
    this.#retryPolicy ??= resolveRetryPolicy(config.retry, undefined);
    const policy = options.retry
      ? resolveRetryPolicy(config.retry, options.retry)
      : this.#retryPolicy;
    const idempotent = operation.readOnly || hasClientToken(request);
    const limits = {
      connectTimeoutMs:
        options.connectTimeoutMs ?? config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      readTimeoutMs: options.readTimeoutMs ?? config.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
      signal,
      action,
    };

    for (let attempt = 1, delayMs = 0; ; attempt++) {
      if (signal?.aborted) {
        throw new RequestAbortedError(action, signal.reason);
      }
      const credential = await this.#credential(signal);
      const signed = signer.sign(prepared, credential, {
        date: config.clock?.() ?? new Date(),
        nonce: config.nonce?.() ?? randomNonce(),
        retriesSoFar: attempt - 1,
        delayMs,
      });
      let error: unknown;
      try {
        const response = await this.#transport.send(prepared, signed, limits);
        if (response.status < 300 && response.status > 199) {
          return parseSuccessResponse<TResponse>(action, response, attempt);
        }
        const createError = await this.#loadErrorParser();
        error = createError(response, {
          action,
          signed,
          secrets: [credential.accessKeySecret, credential.securityToken],
        });
      } catch (failure) {
        error = failure;
      }

      const nextDelayMs =
        attempt < policy.maxAttempts && isRetryable(error, idempotent)
          ? computeDelayMs(policy, attempt, error)
          : undefined;
      if (nextDelayMs === undefined) {
        throw error;
      }
      delayMs = nextDelayMs;
      config.logger?.warn("Retrying request", {
        action,
        attempt,
        maxAttempts: policy.maxAttempts,
        delayMs,
        code: (error as AcsError).code,
        requestId: (error as ServiceError).requestId,
      });
      try {
        await policy.sleep(delayMs, signal);
      } catch (sleepError) {
        throw signal?.aborted ? new RequestAbortedError(action, signal.reason) : sleepError;
      }
    }
  }

  /** Closes idle keep-alive connections; the client can still send afterwards. */
  destroy(): void {
    this.#transport.destroy();
  }

  /** Returns the service and configuration for `JSON.stringify`, without the credentials. */
  toJSON(): Record<string, unknown> {
    return {
      service: this.service,
      config: { ...this.config, credentials: this.config.credentials && "[redacted]" },
    };
  }

  /** Keeps credentials out of `console.log` and `util.inspect` output. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `AcsClient ${JSON.stringify(this)}`;
  }

  /** Serializes the parts that every attempt of a call shares. */
  async #prepare(
    operation: OperationDescriptor,
    request: object,
    options: CallOptions,
  ): Promise<PreparedRequest> {
    this.#endpoint ??= resolveEndpoint(this.service, this.config);
    const endpoint = this.#endpoint;
    const serialize = operation.serialize ?? (isQueryOnly(operation) && serializeQuery);
    if (!serialize) {
      throw new ConfigurationError(
        "InvalidConfiguration",
        `operation ${operation.action} is missing serialize, which it needs for parameters outside the query or in the json, simple or xml style; set serialize: serializeRequest (from @acs-sdk/core) in its descriptor.`,
      );
    }
    const { query, headers, body, hostPrefix, pathname } = serialize(operation, request);
    for (const name in options.headers) {
      addHeader(headers, name, options.headers[name] as string);
    }
    const target = hostPrefix
      ? {
          ...endpoint,
          hostname: `${hostPrefix}.${endpoint.hostname}`,
          host: `${hostPrefix}.${endpoint.host}`,
        }
      : endpoint;
    return {
      action: operation.action,
      apiVersion: this.service.apiVersion,
      style: operation.style,
      method: operation.method,
      endpoint: target,
      pathname,
      query,
      canonicalQuery: encodeSortedParameters(query),
      headers,
      userAgent: this.#userAgent,
      body: body?.bytes,
      contentType: body?.contentType,
      payloadHash: body ? sha256Hex(body.bytes) : EMPTY_BODY_SHA256,
      formParameters: body?.formParameters,
    };
  }

  /**
   * Imports the error-response parser on the first 4xx/5xx response. Successful calls never use
   * it, so a code-splitting bundler puts it, with its secret scrubbing and signature-mismatch
   * explanation, in a chunk that only a failed call loads.
   */
  #loadErrorParser(): Promise<typeof createServiceError> {
    this.#errorParser ??= import("./response-error.js").then((module) => module.createServiceError);
    return this.#errorParser;
  }

  #loadLegacySigner(): Promise<RequestSigner> {
    // A literal specifier, so that bundlers include the module or split it into a chunk.
    this.#legacySigner ??= import("./signing/rpc-v1-signature.js").then(
      (module) => module.rpcV1Signer,
    );
    return this.#legacySigner;
  }

  /**
   * Returns the credential for one attempt: the configured one or its provider's, else the
   * environment's AccessKey, else the default chain's. The chain is imported on first use, so
   * that a code-splitting bundler puts it in a chunk that only such clients load.
   */
  async #credential(signal: AbortSignal | undefined): Promise<Credential> {
    let source = this.config.credentials;
    if (!source) {
      const env = process.env;
      const accessKeyId = env.ALIBABA_CLOUD_ACCESS_KEY_ID;
      const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
      if (accessKeyId && accessKeySecret) {
        source = {
          accessKeyId,
          accessKeySecret,
          securityToken: env.ALIBABA_CLOUD_SECURITY_TOKEN || undefined,
          // The name the default chain gives environment credentials.
          providerName: "default/env",
        };
      } else {
        this.#defaultChain ??= import("./credentials/default-chain.js").then((module) =>
          module.defaultCredentialChain({ logger: this.config.logger }),
        );
        source = await this.#defaultChain;
      }
    }
    let credential = source as Credential;
    if (typeof (source as CredentialProvider).getCredential === "function") {
      const provider = source as CredentialProvider;
      try {
        credential = await provider.getCredential(signal);
      } catch (error) {
        throw error instanceof AcsError
          ? error
          : new CredentialsError(
              "CredentialRequestFailed",
              provider.name,
              `the credential provider failed: ${error instanceof Error ? error.message : String(error)}`,
              { cause: error },
            );
      }
    }
    if (!credential.accessKeyId || !credential.accessKeySecret) {
      throw new CredentialsError(
        "InvalidCredentialOptions",
        credential.providerName || "credentials",
        "the credential has an empty accessKeyId or accessKeySecret; pass both in the client's credentials option.",
      );
    }
    // The ID and token go into request headers, where Node throws an untyped TypeError for
    // control characters. The message names only the field because the value may be a secret.
    const field = unprintableCredentialField(credential);
    if (field) {
      throw new CredentialsError(
        "InvalidCredentialOptions",
        credential.providerName || "credentials",
        `the credential's ${field} contains a control or non-ASCII character (such as a trailing newline); remove it from the value given to the client.`,
      );
    }
    return credential;
  }
}

/** Pattern of a character outside printable ASCII, which no AccessKey or STS token contains. */
const UNPRINTABLE = /[^\x20-\x7e]/;

/** Credential fields checked for {@link UNPRINTABLE} characters, in the order reported. */
const CHECKED_FIELDS = ["accessKeyId", "accessKeySecret", "securityToken"] as const;

/** Returns the first credential field that contains a character outside printable ASCII. */
function unprintableCredentialField(credential: Credential): string | undefined {
  return CHECKED_FIELDS.find((field) => UNPRINTABLE.test(credential[field] ?? ""));
}

function hasClientToken(request: object): boolean {
  const token = (request as { ClientToken?: unknown }).ClientToken;
  return token !== undefined && token !== null && token !== "";
}
