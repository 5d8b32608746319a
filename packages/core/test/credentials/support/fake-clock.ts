/** A settable clock for session expiry tests; no test waits for real time to pass. */
export class FakeClock {
  #nowMs: number;

  constructor(start = Date.parse("2030-01-01T00:00:00Z")) {
    this.#nowMs = start;
  }

  readonly now = (): number => this.#nowMs;

  advanceMinutes(minutes: number): void {
    this.#nowMs += minutes * 60_000;
  }

  /** Formats `now + minutes` as STS does: UTC without milliseconds. */
  isoAfterMinutes(minutes: number): string {
    return `${new Date(this.#nowMs + minutes * 60_000).toISOString().slice(0, 19)}Z`;
  }
}
