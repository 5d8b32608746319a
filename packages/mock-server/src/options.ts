import type { Logger, RequestValidator } from "@acs-sdk/core";
import type { MockCredential } from "./credential-store.js";
import type { FaultRule } from "./faults.js";
import type { RequestLogEntry } from "./request-log.js";
import type { SpecInput } from "./spec-source.js";

/** Options of {@link startMockServer}. */
export interface MockServerOptions {
  /**
   * The API versions to serve: spec directories (`specs/hbr/2017-09-08`, overlays applied) or
   * models from `loadSpec`. Several products and versions can share one server.
   */
  readonly spec: SpecInput | readonly SpecInput[];
  /** AccessKey pairs whose signatures the server accepts. At least one. */
  readonly credentials: readonly MockCredential[];
  /**
   * Generated request validators keyed by operation name (`AddCrossAccount`). An operation
   * without one is checked against the constraints of its spec instead.
   */
  readonly validators?: Readonly<Record<string, RequestValidator>>;
  /** Address to listen on. @defaultValue `"127.0.0.1"` */
  readonly host?: string;
  /** Port to listen on; 0 picks a free one. @defaultValue `0` */
  readonly port?: number;
  /** Faults active from the start; more can be added with {@link MockServer.addFault}. */
  readonly faults?: readonly FaultRule[];
  /** Receives one `info` line per request and `error` lines for server bugs. */
  readonly logger?: Logger;
  /**
   * How far a signed timestamp may be from the server clock, in milliseconds.
   * @defaultValue 15 minutes, as the gateway allows
   */
  readonly maxClockSkewMs?: number;
  /**
   * Reject query or form keys that no parameter of the operation declares with
   * `InvalidParameter`. The gateway ignores them; turning this on catches misspelt keys.
   * @defaultValue `false`
   */
  readonly rejectUnknownParameters?: boolean;
}

/** A running mock server. */
export interface MockServer {
  /** Base URL, `http://127.0.0.1:<port>`; use it as the client's endpoint. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Every request received so far, oldest first. */
  readonly requests: readonly RequestLogEntry[];
  /**
   * How many requests named `action` so far, faulted and rejected ones included: the number of
   * attempts a client made.
   */
  attempts(action: string): number;
  /** Adds a fault rule after the configured ones. */
  addFault(rule: FaultRule): void;
  /** Removes every fault rule. */
  clearFaults(): void;
  /** Empties the request log and the attempt counters; used nonces stay remembered. */
  clearRequests(): void;
  /** Stops listening, ends open connections and pending delays, and resolves when closed. */
  close(): Promise<void>;
}
