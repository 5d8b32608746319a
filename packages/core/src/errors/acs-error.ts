/** Base class of the runtime's errors; `code` is stable, `message` is for people. */
export class AcsError extends Error {
  override readonly name: string = "AcsError";
  /** Stable machine-readable reason. */
  declare readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
