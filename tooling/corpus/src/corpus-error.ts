/** Errors of the corpus command that are about how it was called or what it found. */

/** Stable codes of {@link CorpusError}. */
export type CorpusErrorCode = "invalid-arguments" | "no-metadata" | "product-not-found";

/** A problem with the arguments or the metadata folder; no product was processed. */
export class CorpusError extends Error {
  readonly code: CorpusErrorCode;

  constructor(code: CorpusErrorCode, message: string) {
    super(message);
    this.name = "CorpusError";
    this.code = code;
  }
}
