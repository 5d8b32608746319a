/** Errors of the `pnpm generate` command that are not about a spec's content. */

/** Stable codes of {@link GenerateError}. */
export type GenerateErrorCode =
  | "invalid-arguments"
  | "no-specs"
  | "package-collision"
  | "product-not-found";

/** A problem with how the command was called or with what it found under the specs root. */
export class GenerateError extends Error {
  readonly code: GenerateErrorCode;

  constructor(code: GenerateErrorCode, message: string) {
    super(message);
    this.name = "GenerateError";
    this.code = code;
  }
}
