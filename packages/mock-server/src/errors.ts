/**
 * The two kinds of failure in this package, each with stable codes:
 *
 * - {@link MockServerError}: the server cannot start or a caller used the API wrongly
 *   (a bad spec directory, an invalid option). Thrown to the caller.
 * - {@link AcsError}: a received request is rejected. Never thrown to the caller; the request
 *   pipeline turns it into the JSON error body and HTTP status Alibaba Cloud's gateway uses.
 */

/** Codes of {@link MockServerError}. */
export type MockServerErrorCode =
  /** An option passed to `startMockServer` or the CLI is missing or malformed. */
  | "invalid-option"
  /** A spec directory or loaded spec could not be turned into routable operations. */
  | "spec-unusable"
  /** The HTTP server could not listen (port taken, address not local, …). */
  | "listen-failed";

/** A problem with how the mock server was configured or called. */
export class MockServerError extends Error {
  override readonly name = "MockServerError";
  /** Stable code; match on it rather than on the message. */
  readonly code: MockServerErrorCode;

  constructor(code: MockServerErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** One gateway error code with the HTTP status and message Alibaba Cloud's gateway uses. */
interface AcsErrorDefinition {
  readonly status: number;
  /** The gateway's own wording; a request-specific detail is appended after it. */
  readonly message: string;
}

/**
 * Every error code the server responds with. Statuses and the first sentence of each message
 * follow error bodies the public gateway returned in published reports. Where the gateway's
 * choice is not documented, the entry says which choice this server made.
 */
export const ACS_ERRORS = {
  SignatureDoesNotMatch: {
    status: 400,
    message: "Specified signature is not matched with our calculation.",
  },
  IncompleteSignature: {
    status: 400,
    message: "The request signature does not conform to Aliyun standards.",
  },
  "InvalidAccessKeyId.NotFound": { status: 404, message: "Specified access key is not found." },
  MissingSecurityToken: { status: 400, message: "SecurityToken is mandatory for this action." },
  "InvalidSecurityToken.MismatchWithAccessKey": {
    status: 400,
    message: "Specified SecurityToken mismatch with the AccessKey.",
  },
  SignatureNonceUsed: { status: 400, message: "Specified signature nonce was used already." },
  "InvalidTimeStamp.Expired": {
    status: 400,
    message: "Specified time stamp or date value is expired.",
  },
  "InvalidTimeStamp.Format": {
    status: 400,
    message: "Specified time stamp or date value is not well formatted.",
  },
  MissingParameter: { status: 400, message: "A mandatory input parameter is not supplied." },
  InvalidParameter: { status: 400, message: "The specified parameter is not valid." },
  // Returned with 404 both for an unknown action and for a method or path that no operation
  // accepts. The message names which of the two it was.
  "InvalidAction.NotFound": {
    status: 404,
    message: "Specified api is not found, please check your url and method.",
  },
  InvalidVersion: { status: 400, message: "Specified parameter Version is not valid." },
  "Throttling.User": { status: 400, message: "Request was denied due to user flow control." },
  ServiceUnavailable: {
    status: 503,
    message: "The request has failed due to a temporary failure of the server.",
  },
  InternalError: {
    status: 500,
    message: "The request processing has failed due to some unknown error, exception or failure.",
  },
} as const satisfies Record<string, AcsErrorDefinition>;

/** An error code the server can respond with. */
export type AcsErrorCode = keyof typeof ACS_ERRORS;

/** A rejected request: the code, status and message of the error body the server sends. */
export class AcsError extends Error {
  override readonly name = "AcsError";
  readonly code: AcsErrorCode;
  readonly status: number;

  /**
   * @param code - the gateway error code.
   * @param message - the whole message; defaults to the gateway wording of the code. Must never
   *   contain a secret.
   * @param status - overrides the code's usual status (throttling may use 429).
   */
  constructor(code: AcsErrorCode, message?: string, status?: number) {
    super(message ?? ACS_ERRORS[code].message);
    this.code = code;
    this.status = status ?? ACS_ERRORS[code].status;
  }

  /** The gateway wording of `code` followed by what exactly was wrong with this request. */
  static withDetail(code: AcsErrorCode, detail: string): AcsError {
    return new AcsError(code, `${ACS_ERRORS[code].message} ${detail}`);
  }
}

/** `MissingParameter` in the gateway's wording, naming the parameter. */
export function missingParameter(name: string): AcsError {
  return new AcsError(
    "MissingParameter",
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
}

/** `InvalidParameter` in the gateway's wording, naming the parameter and the reason. */
export function invalidParameter(name: string, reason: string): AcsError {
  return new AcsError(
    "InvalidParameter",
    `The specified parameter "${name}" is not valid: ${reason}`,
  );
}
