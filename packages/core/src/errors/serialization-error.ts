import { AcsError } from "./acs-error.js";

/** Codes of {@link SerializationError}. */
export type SerializationErrorCode =
  /** A request value cannot be written to the wire (a function, NaN, an object for a scalar…). */
  | "UnserializableValue"
  /** A percent-encoded string contains a lone UTF-16 surrogate, which has no UTF-8 form. */
  | "InvalidUnicode"
  /** The operation descriptor itself is inconsistent (for example form and JSON body parameters). */
  | "InvalidOperationDescriptor"
  /** A successful response body is not valid JSON. */
  | "InvalidResponseBody";

/** A request value could not be serialized, or a successful response could not be parsed. */
export class SerializationError extends AcsError {
  override readonly name = "SerializationError";
  declare readonly code: SerializationErrorCode;
  /** Parameter path of the offending value (`Filters[0].Values[1]`), when there is one. */
  declare readonly path: string | undefined;

  constructor(
    code: SerializationErrorCode,
    message: string,
    path?: string,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
    this.path = path;
  }
}
