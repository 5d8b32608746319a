import type { CallOptions, ClientConfig, WithMetadata } from "./config.js";
import type { OperationDescriptor, ServiceDescriptor } from "./operation.js";

/**
 * A configured connection to one product API version. Generated product clients extend it, and
 * generated operation functions call `send`.
 */
export class AcsClient {
  /** Product facts the client was created for. */
  readonly service: ServiceDescriptor;
  /** Options the client was created with. */
  readonly config: ClientConfig;

  constructor(service: ServiceDescriptor, config: ClientConfig = {}) {
    this.service = service;
    this.config = config;
  }

  /**
   * Validates, serializes, signs and sends one operation, retrying per the retry policy, and
   * returns the parsed response body with `$metadata`.
   */
  async send<TResponse>(
    operation: OperationDescriptor,
    request: object,
    options: CallOptions = {},
  ): Promise<WithMetadata<TResponse>> {
    // TODO: the runtime pipeline replaces this placeholder.
    throw new Error(`${operation.action} cannot be sent yet (${Object.keys(request).length}, ${Object.keys(options).length})`);
  }

  /** Closes idle keep-alive connections; the client can still send afterwards. */
  destroy(): void {}
}
