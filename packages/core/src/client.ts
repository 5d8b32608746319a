import { randomUUID } from "node:crypto";
import type { CallOptions, ClientConfig, Logger, WithMetadata } from "./config.js";
import type { Credential, CredentialProvider } from "./credentials/credential.js";
import { type ResolvedEndpoint, resolveEndpoint } from "./endpoint.js";
import { AcsError, RequestAbortedError, ValidationError } from "./errors.js";
import { HttpTransport, type TransportResponse } from "./http/http-transport.js";
import { silentLogger } from "./logger.js";
import type { OperationDescriptor, ServiceDescriptor } from "./operation.js";
import { encodeSortedParameters } from "./percent-encode.js";
import { parseSuccessResponse } from "./response.js";
import { computeDelayMs, isRetryable, type RetryPolicy, resolveRetryPolicy } from "./retry.js";
import { addHeader } from "./serialization/headers.js";
import {
  isQueryOnly,
  type SerializedParameters,
  serializeQuery,
} from "./serialization/query-serializer.js";
import { EMPTY_BODY_SHA256, sha256Hex } from "./signing/acs3-signature.js";
import { acs3Signer } from "./signing/acs3-signer.js";
import type { PreparedRequest, RequestSigner, SignedRequest } from "./signing/request-signer.js";
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
  readonly #logger: Logger;
  readonly #userAgent: string;
  #endpoint: ResolvedEndpoint | undefined;
  #credentialSource: Promise<Credential | CredentialProvider> | undefined;
  #signer: Promise<RequestSigner> | undefined;
  #retryPolicy: RetryPolicy | undefined;

  constructor(service: ServiceDescriptor, config: ClientConfig = {}) {
    this.service = service;
    this.config = config;
    this.#logger = config.logger ?? silentLogger;
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
    const issues = operation.validate?.(request);
    if (issues !== undefined && issues.length > 0) {
      throw new ValidationError(operation.action, issues);
    }
    const endpoint = this.#resolveEndpoint();
    const serialized = isQueryOnly(operation)
      ? serializeQuery(operation, request)
      : (await import("./serialization/request-serializer.js")).serializeRequest(
          operation,
          request,
        );
    const prepared = this.#prepare(operation, serialized, options, endpoint);
    const signer = await this.#getSigner();
    const policy = this.#getRetryPolicy(options);
    const idempotent = operation.readOnly || hasClientToken(request);
    const { signal } = options;
    const transportOptions = {
      connectTimeoutMs:
        options.connectTimeoutMs ?? this.config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      readTimeoutMs: options.readTimeoutMs ?? this.config.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
      signal,
      action: operation.action,
    };

    let delayMs = 0;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) {
        throw new RequestAbortedError(operation.action, signal.reason);
      }
      const credential = await this.#getCredential(signal);
      const signed = signer.sign(prepared, credential, {
        date: new Date(),
        // A random UUID, as Alibaba Cloud's Java SDK sends; any unique string is accepted.
        nonce: randomUUID(),
        retriesSoFar: attempt - 1,
        delayMs,
      });

      let error: unknown;
      let response: TransportResponse | undefined;
      try {
        response = await this.#transport.send(
          {
            endpoint: prepared.endpoint,
            method: prepared.method,
            path: signed.path,
            headers: signed.headers,
            body: prepared.body,
          },
          transportOptions,
        );
      } catch (transportError) {
        error = transportError;
      }
      if (response !== undefined) {
        if (response.status >= 200 && response.status < 300) {
          return await parseSuccessResponse<TResponse>(operation.action, response, attempt);
        }
        error = await this.#serviceError(operation, response, credential, signed);
      }

      const retryable = attempt < policy.maxAttempts && isRetryable(error, idempotent);
      const nextDelayMs = retryable ? computeDelayMs(policy, attempt, error) : undefined;
      if (nextDelayMs === undefined) {
        throw error;
      }
      this.#logger.warn("Retrying request", {
        action: operation.action,
        attempt,
        maxAttempts: policy.maxAttempts,
        delayMs: nextDelayMs,
        code: error instanceof AcsError ? error.code : undefined,
        requestId: (error as { requestId?: string }).requestId,
      });
      delayMs = nextDelayMs;
      try {
        await policy.sleep(delayMs, signal);
      } catch (sleepError) {
        throw signal?.aborted
          ? new RequestAbortedError(operation.action, signal.reason)
          : sleepError;
      }
    }
  }

  /** Closes idle keep-alive connections; the client can still send afterwards. */
  destroy(): void {
    this.#transport.destroy();
  }

  /** Returns the service and configuration for `JSON.stringify`, without the credentials. */
  toJSON(): Record<string, unknown> {
    const credentials = this.config.credentials === undefined ? undefined : "[redacted]";
    return { service: this.service, config: { ...this.config, credentials } };
  }

  /** Keeps credentials out of `console.log` and `util.inspect` output. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `AcsClient ${JSON.stringify(this)}`;
  }

  #getRetryPolicy(options: CallOptions): RetryPolicy {
    if (options.retry !== undefined) {
      return resolveRetryPolicy(this.config.retry, options.retry);
    }
    this.#retryPolicy ??= resolveRetryPolicy(this.config.retry, undefined);
    return this.#retryPolicy;
  }

  #resolveEndpoint(): ResolvedEndpoint {
    this.#endpoint ??= resolveEndpoint(this.service, this.config);
    return this.#endpoint;
  }

  #prepare(
    operation: OperationDescriptor,
    serialized: SerializedParameters,
    options: CallOptions,
    endpoint: ResolvedEndpoint,
  ): PreparedRequest {
    const headers = serialized.headers;
    if (options.headers !== undefined) {
      for (const name of Object.keys(options.headers)) {
        addHeader(headers, name, options.headers[name] as string);
      }
    }
    const body = serialized.body;
    const target =
      serialized.hostPrefix === undefined
        ? endpoint
        : {
            ...endpoint,
            hostname: `${serialized.hostPrefix}.${endpoint.hostname}`,
            host: `${serialized.hostPrefix}.${endpoint.host}`,
          };
    return {
      action: operation.action,
      apiVersion: this.service.apiVersion,
      style: operation.style,
      method: operation.method,
      endpoint: target,
      host: target.host,
      pathname: serialized.pathname,
      query: serialized.query,
      canonicalQuery: encodeSortedParameters(serialized.query),
      headers,
      userAgent: this.#userAgent,
      body: body?.bytes,
      contentType: body?.contentType,
      payloadHash: body === undefined ? EMPTY_BODY_SHA256 : sha256Hex(body.bytes),
      formParameters: body?.formParameters,
    };
  }

  #getSigner(): Promise<RequestSigner> {
    this.#signer ??=
      this.config.signatureVersion === "v1"
        ? import("./signing/rpc-v1-signature.js").then((module) => module.rpcV1Signer)
        : Promise.resolve(acs3Signer);
    return this.#signer;
  }

  async #getCredential(signal: AbortSignal | undefined): Promise<Credential> {
    this.#credentialSource ??= this.config.credentials
      ? Promise.resolve(this.config.credentials)
      : // Loaded on first use so that clients given explicit credentials never load the chain.
        import("./credentials/default-chain.js").then((module) =>
          module.defaultCredentialChain({ logger: this.#logger }),
        );
    const source = await this.#credentialSource;
    let credential: Credential;
    if (isCredentialProvider(source)) {
      try {
        credential = await source.getCredential(signal);
      } catch (error) {
        const { toCredentialsError } = await import("./credential-failure.js");
        throw toCredentialsError(source.name, error);
      }
    } else {
      credential = source;
    }
    if (!credential.accessKeyId || !credential.accessKeySecret) {
      const { emptyCredentialError } = await import("./credential-failure.js");
      throw emptyCredentialError(credential.providerName);
    }
    return credential;
  }

  async #serviceError(
    operation: OperationDescriptor,
    response: TransportResponse,
    credential: Credential,
    signed: SignedRequest,
  ): Promise<AcsError> {
    const { createServiceError } = await import("./response-error.js");
    const secrets = [credential.accessKeySecret];
    if (credential.securityToken) {
      secrets.push(credential.securityToken);
    }
    return createServiceError(response, { action: operation.action, signed, secrets });
  }
}

function isCredentialProvider(
  source: Credential | CredentialProvider,
): source is CredentialProvider {
  return typeof (source as Partial<CredentialProvider>).getCredential === "function";
}

function hasClientToken(request: object): boolean {
  const token = (request as { ClientToken?: unknown }).ClientToken;
  return token !== undefined && token !== null && token !== "";
}
