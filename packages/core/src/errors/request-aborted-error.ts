import { AcsError } from "./acs-error.js";

/** The caller's `AbortSignal` fired; `cause` is the signal's reason. */
export class RequestAbortedError extends AcsError {
  override readonly name = "RequestAbortedError";
  declare readonly code: "RequestAborted";

  constructor(action: string, reason: unknown) {
    super("RequestAborted", `${action} was aborted by its AbortSignal.`, { cause: reason });
  }
}
