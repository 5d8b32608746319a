// The same call through Alibaba Cloud's official runtime, `@alicloud/openapi-client` 0.4.15
// `callApi`, as its generated SDKs make it.
import official from "@alicloud/openapi-client";
import { OFFICIAL_ADD_CROSS_ACCOUNT_PARAMS, type RegisterAccount } from "../bench-inputs.ts";

// Node.js gives a CommonJS package's `module.exports` as its default export, and so does esbuild
// in an ESM package. The client class is the `default` property of that object.
const {
  default: OpenApi,
  Config,
  OpenApiRequest,
  Params,
} = official as unknown as {
  default: typeof official.default;
  Config: typeof official.Config;
  OpenApiRequest: typeof official.OpenApiRequest;
  Params: typeof official.Params;
};

/** Sends one AddCrossAccount call with an AccessKey pair. */
export const registerAccount: RegisterAccount = async (
  endpoint,
  accessKeyId,
  accessKeySecret,
  accountId,
) => {
  const url = new URL(endpoint);
  const client = new OpenApi(
    new Config({
      accessKeyId,
      accessKeySecret,
      endpoint: url.host,
      protocol: url.protocol.slice(0, -1),
    }),
  );
  const params = new Params({
    ...OFFICIAL_ADD_CROSS_ACCOUNT_PARAMS,
    protocol: url.protocol === "http:" ? "HTTP" : "HTTPS",
  });
  const query = {
    CrossAccountUserId: accountId,
    CrossAccountRoleName: "hbrcrossrole",
    CrossAccountType: "CROSS_ACCOUNT",
  };
  // Generated SDKs pass a `RuntimeOptions` of @alicloud/tea-util; callApi only reads its fields,
  // and every field has a default.
  const runtime = {} as Parameters<typeof client.callApi>[2];
  return client.callApi(params, new OpenApiRequest({ query }), runtime);
};
