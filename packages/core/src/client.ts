import type * as CallFailure from "./call-failure.js";
import type { CallOptions, ClientConfig, WithMetadata } from "./config.js";
import type * as ConfigCheck from "./config-check.js";
import type { Credential, CredentialProvider } from "./credentials/credential.js";
import { isUsableCredential } from "./credentials/usable-credential.js";
import { locateEndpoint, type ResolvedEndpoint } from "./endpoint.js";
import { HttpTransport, type TransportResponse } from "./http/http-transport.js";
import type { OperationDescriptor, ServiceDescriptor } from "./operation.js";
import { encodeSortedParameters } from "./percent-encode.js";
import { isSuccessStatus, parseSuccessResponse } from "./response.js";
import type * as CallHeaders from "./serialization/call-headers.js";
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
    // The options are checked on every call, because a caller may change the object between calls.
    const checks = await loadConfigCheck();
    checks.checkClientConfig(config);
    checks.checkCallOptions(options);
    const issues = operation.validate?.(request);
    if (issues?.length) {
      throw new (await loadCallFailure()).ValidationError(action, issues);
    }
    const prepared = await this.#prepare(operation, request, options);
    const signer = config.signatureVersion === "v1" ? await this.#loadLegacySigner() : acs3Signer;
    const limits = {
      connectTimeoutMs:
        options.connectTimeoutMs ?? config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      readTimeoutMs: options.readTimeoutMs ?? config.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
      signal,
      action,
    };

    for (let attempt = 1, delayMs = 0; ; attempt++) {
      if (signal?.aborted) {
        throw new (await loadCallFailure()).RequestAbortedError(action, signal.reason);
      }
      const credential = await this.#credential(action, signal);
      const signed = signer.sign(prepared, credential, {
        date: config.clock ? checks.readClock(config.clock) : new Date(),
        nonce: config.nonce ? checks.readNonce(config.nonce) : randomNonce(),
        retriesSoFar: attempt - 1,
        delayMs,
      });
      let error: unknown;
      let failedResponse: TransportResponse | undefined;
      try {
        const response = await this.#transport.send(prepared, signed, limits);
        const result = isSuccessStatus(response.status)
          ? parseSuccessResponse<TResponse>(response, attempt)
          : undefined;
        if (result) {
          return result;
        }
        failedResponse = response;
      } catch (failure) {
        error = failure;
      }

      const failures = await loadCallFailure();
      if (failedResponse) {
        error = isSuccessStatus(failedResponse.status)
          ? failures.invalidBodyError(action, failedResponse)
          : failures.createServiceError(failedResponse, {
              action,
              signed,
              secrets: [credential.accessKeySecret, credential.securityToken],
            });
      }
      const retry = failures.planRetry({
        error,
        attempt,
        readOnly: operation.readOnly,
        request,
        clientOptions: config.retry,
        callOptions: options.retry,
      });
      if (!retry) {
        throw error;
      }
      delayMs = retry.delayMs;
      config.logger?.warn("Retrying request", {
        action,
        attempt,
        maxAttempts: retry.maxAttempts,
        delayMs,
        code: (error as { code?: string }).code,
        requestId: (error as { requestId?: string }).requestId,
      });
      try {
        await retry.sleep(delayMs, signal);
      } catch (sleepError) {
        throw signal?.aborted
          ? new failures.RequestAbortedError(action, signal.reason)
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
    if (!this.#endpoint) {
      const located = locateEndpoint(this.service, this.config);
      if ("problem" in located) {
        throw (await loadCallFailure()).endpointError(this.service, located);
      }
      this.#endpoint = located;
    }
    const endpoint = this.#endpoint;
    const serialize = operation.serialize ?? (isQueryOnly(operation) && serializeQuery);
    if (!serialize) {
      throw (await loadCallFailure()).missingSerializerError(operation.action);
    }
    const { query, headers, body, hostPrefix, pathname } = serialize(operation, request);
    if (options.headers !== undefined) {
      // Most calls pass no extra headers, so the header checks load with the first that does.
      const { addCallHeaders } = await loadCallHeaders();
      addCallHeaders(headers, options.headers);
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
  async #credential(action: string, signal: AbortSignal | undefined): Promise<Credential> {
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
        const failures = await loadCallFailure();
        // Providers reject with the signal's reason when the call is aborted during the fetch.
        throw signal?.aborted
          ? new failures.RequestAbortedError(action, signal.reason)
          : failures.credentialProviderError(provider, error);
      }
    }
    if (!isUsableCredential(credential)) {
      const providerName = (source as Partial<CredentialProvider>).name;
      throw (await loadCallFailure()).unusableCredentialError(credential, providerName);
    }
    return credential;
  }
}

// Each lazily imported module's promise is kept, because the option checks are needed on every
// call and a repeated `import()` of a loaded module still costs about 3 µs (Node.js 20.20).
let configCheck: Promise<typeof ConfigCheck> | undefined;
let callFailure: Promise<typeof CallFailure> | undefined;
let callHeaders: Promise<typeof CallHeaders> | undefined;

/**
 * Imports the option checks (config-check.ts) with the first call. The specifier is a literal so
 * that bundlers include the module or split it into a chunk of its own.
 */
function loadConfigCheck(): Promise<typeof ConfigCheck> {
  configCheck ??= import("./config-check.js");
  return configCheck;
}

/**
 * Imports the failure-path module (call-failure.ts) on the first failed call. The specifier is
 * a literal so that bundlers include the module or split it into a chunk of its own.
 */
function loadCallFailure(): Promise<typeof CallFailure> {
  callFailure ??= import("./call-failure.js");
  return callFailure;
}

/** Imports the call-header checks (call-headers.ts) with the first call that passes headers. */
function loadCallHeaders(): Promise<typeof CallHeaders> {
  callHeaders ??= import("./serialization/call-headers.js");
  return callHeaders;
}
