import type { ValidationIssue } from "../operation.js";
import { AcsError } from "./acs-error.js";

/** A request failed its operation's generated validator; nothing was sent. */
export class ValidationError extends AcsError {
  override readonly name = "ValidationError";
  declare readonly code: "ValidationFailed";
  /** Every problem the validator found, in its order. */
  declare readonly issues: readonly ValidationIssue[];

  constructor(action: string, issues: readonly ValidationIssue[]) {
    super(
      "ValidationFailed",
      `${action} request is invalid; fix these parameters and call again:${issues.map((issue) => `\n  - ${issue.path}: ${issue.message}`).join("")}`,
    );
    this.issues = issues;
  }
}
