// The same call with a hand-written operation descriptor and no validator: what the runtime
// alone contributes to an application.
import { AcsClient, type OperationDescriptor } from "@acs-sdk/core";
import type { RegisterAccount } from "../bench-inputs.ts";

const addCrossAccountOperation: OperationDescriptor = {
  action: "AddCrossAccount",
  method: "POST",
  pathname: "/",
  style: "RPC",
  readOnly: false,
  parameters: [
    { name: "Alias", in: "query" },
    { name: "CrossAccountRoleName", in: "query" },
    { name: "CrossAccountType", in: "query" },
    { name: "CrossAccountUserId", in: "query" },
  ],
};

/** Sends one AddCrossAccount call with an AccessKey pair. */
export const registerAccount: RegisterAccount = async (
  endpoint,
  accessKeyId,
  accessKeySecret,
  accountId,
) => {
  const client = new AcsClient(
    {
      product: "hbr",
      apiVersion: "2017-09-08",
      endpoint: { rule: "regional", productId: "hbr", map: {} },
    },
    { endpoint, credentials: { accessKeyId, accessKeySecret, providerName: "static_ak" } },
  );
  try {
    return await client.send(addCrossAccountOperation, {
      CrossAccountUserId: BigInt(accountId),
      CrossAccountRoleName: "hbrcrossrole",
      CrossAccountType: "CROSS_ACCOUNT",
    });
  } finally {
    client.destroy();
  }
};
