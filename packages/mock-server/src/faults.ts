/**
 * Faults the server can inject so that client tests can exercise retries, timeouts and error
 * parsing. A fault replaces the normal handling of a request, or delays its response. The fault
 * is chosen once the request's action is known and before its signature is checked, so a faulted
 * attempt does not use up its signature nonce.
 */
export type Fault =
  /**
   * `Throttling.User` (status 400, or 429 when `status` is 429) with `x-acs-retry-after` in
   * milliseconds, the unit the official runtime reads it in. `retryAfterMs` defaults to 100;
   * `null` leaves the header out.
   */
  | {
      readonly kind: "throttle";
      readonly status?: 400 | 429;
      readonly retryAfterMs?: number | null;
    }
  /** `ServiceUnavailable` with status 503. */
  | { readonly kind: "unavailable" }
  /** `InternalError` with status 500. */
  | { readonly kind: "internal-error" }
  /**
   * Resets the connection as soon as the request head arrives, before the body is read. A legacy
   * request that names its action only in a form body is reset after the body instead.
   */
  | { readonly kind: "reset-before-body" }
  /** Reads the whole request, then resets the connection without sending a response. */
  | { readonly kind: "reset-after-body" }
  /** Waits `delayMs` before handling the request normally, so no response byte arrives meanwhile. */
  | { readonly kind: "delay-headers"; readonly delayMs: number }
  /** Handles the request normally but stops for `delayMs` after sending half of the body. */
  | { readonly kind: "stall-body"; readonly delayMs: number }
  /** Responds 502 with an HTML page, as a load balancer in front of the gateway may. */
  | { readonly kind: "html-502" };

/** The kind of a {@link Fault}. */
export type FaultKind = Fault["kind"];

/** When a fault applies. */
export interface FaultRule {
  /** The action (operation name) it applies to; every request when absent. */
  readonly action?: string;
  readonly fault: Fault;
  /** How many matching requests pass untouched before the fault starts; default 0. */
  readonly skip?: number;
  /** How many matching requests get the fault; default: every one. */
  readonly times?: number;
}

interface RuleState {
  readonly rule: FaultRule;
  /** Matching requests seen so far. */
  seen: number;
}

/** The active fault rules of one server, with their counters. */
export class FaultPlan {
  private states: RuleState[] = [];

  constructor(rules: readonly FaultRule[] = []) {
    for (const rule of rules) {
      this.add(rule);
    }
  }

  /** Adds a rule after the existing ones; the first rule that applies to a request wins. */
  add(rule: FaultRule): void {
    this.states.push({ rule, seen: 0 });
  }

  /** Removes every rule. */
  clear(): void {
    this.states = [];
  }

  /**
   * Counts the request against every rule that matches its action and returns the fault of the
   * first rule whose turn it is, if any.
   */
  next(action: string | undefined): Fault | undefined {
    let chosen: Fault | undefined;
    for (const state of this.states) {
      const { rule } = state;
      if (rule.action !== undefined && rule.action !== action) {
        continue;
      }
      state.seen += 1;
      const position = state.seen - (rule.skip ?? 0);
      const due = position >= 1 && position <= (rule.times ?? Number.POSITIVE_INFINITY);
      if (due && chosen === undefined) {
        chosen = rule.fault;
      }
    }
    return chosen;
  }
}
