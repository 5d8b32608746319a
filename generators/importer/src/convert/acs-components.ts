/**
 * Components that every imported document carries, identical to the hand-written specs: the AcsError
 * body and response that all operations share as their `default`, and the security schemes.
 */

/** Schema name of the gateway's error body; metadata components never take this name. */
export const ACS_ERROR_SCHEMA_NAME = "AcsError";

/** The error body Alibaba Cloud's gateway returns with 4xx and 5xx statuses. */
export function createAcsErrorSchema(): Record<string, unknown> {
  const text = (description: string, example: string) => ({
    type: "string",
    description,
    examples: [example],
  });
  return {
    type: "object",
    description: "The body Alibaba Cloud's API gateway returns with any 4xx or 5xx status.",
    required: ["Code", "Message", "RequestId"],
    properties: {
      Code: text(
        "A stable, dotted error code such as InvalidParameter or Throttling.User.",
        "InvalidParameter",
      ),
      Message: text(
        "A human-readable explanation of the failure.",
        "The specified parameter is invalid.",
      ),
      RequestId: text("The ID of the failed request.", "7B1A6C3E-0B2D-4F8A-9E1C-2D3F4A5B6C7D"),
      HostId: text(
        "The endpoint host that handled the request.",
        "example.cn-hangzhou.aliyuncs.com",
      ),
      Recommend: text(
        "A link to Alibaba Cloud's diagnosis page for this error.",
        "https://api.aliyun.com/troubleshoot?q=InvalidParameter",
      ),
    },
  };
}

/** `components.responses.AcsError`. */
export function createAcsErrorResponse(): Record<string, unknown> {
  return {
    description: "The request failed; the body names the error code.",
    content: {
      "application/json": { schema: { $ref: `#/components/schemas/${ACS_ERROR_SCHEMA_NAME}` } },
    },
  };
}

/** Security scheme names the importer can describe, mapped from the metadata's names. */
export type SecuritySchemeName = "AK" | "BearerToken";

/** `components.securitySchemes` entries for the schemes in `used` (AK is always present). */
export function createSecuritySchemes(
  used: ReadonlySet<SecuritySchemeName>,
): Record<string, unknown> {
  const schemes: Record<string, unknown> = {
    AK: {
      type: "apiKey",
      in: "header",
      name: "Authorization",
      description:
        "ACS3-HMAC-SHA256 request signature computed from an AccessKey pair or STS token. See specs/README.md for the signed parts of a request.",
      "x-acs-signature": "ACS3-HMAC-SHA256",
    },
  };
  if (used.has("BearerToken")) {
    schemes.BearerToken = {
      type: "http",
      scheme: "bearer",
      description: "A bearer token issued by the product, sent in the Authorization header.",
    };
  }
  return schemes;
}
