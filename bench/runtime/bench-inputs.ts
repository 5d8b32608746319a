// Inputs every measurement of the benchmark sends. The loopback server accepts any signature, so
// the AccessKey pair is made up.

/** AccessKey ID the benchmark signs with. */
export const ACCESS_KEY_ID = "LTAI5tBenchAccessKeyId";
/** AccessKey secret the benchmark signs with. */
export const ACCESS_KEY_SECRET = "BenchAccessKeySecret0123456789";
/** `CrossAccountUserId` of every AddCrossAccount call. */
export const ACCOUNT_ID = "1589753000000625";

/**
 * `Params` fields of AddCrossAccount for `@alicloud/openapi-client` `callApi`, as its generated
 * SDKs set them, except `protocol`, which follows the endpoint.
 */
export const OFFICIAL_ADD_CROSS_ACCOUNT_PARAMS = {
  action: "AddCrossAccount",
  version: "2017-09-08",
  pathname: "/",
  method: "POST",
  authType: "AK",
  style: "RPC",
  reqBodyType: "formData",
  bodyType: "json",
} as const;

/**
 * Signature of the `registerAccount` function that every application in apps/ exports: one
 * AddCrossAccount call to `endpoint`, signed with the AccessKey pair. cold-import.ts calls it.
 */
export type RegisterAccount = (
  endpoint: string,
  accessKeyId: string,
  accessKeySecret: string,
  accountId: string,
) => Promise<unknown>;
