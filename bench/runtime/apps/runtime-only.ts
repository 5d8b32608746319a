// The same call with a hand-written operation descriptor and no validator: what the runtime
// alone contributes to an application.
import { AcsClient, type ClientConfig, type OperationDescriptor } from "@acs-sdk/core";

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

/** Sends one AddCrossAccount call. */
export function registerAccount(config: ClientConfig, accountId: bigint) {
  const client = new AcsClient(
    {
      product: "hbr",
      apiVersion: "2017-09-08",
      endpoint: { rule: "regional", productId: "hbr", map: {} },
    },
    config,
  );
  return client.send(addCrossAccountOperation, {
    CrossAccountUserId: accountId,
    CrossAccountRoleName: "hbrcrossrole",
    CrossAccountType: "CROSS_ACCOUNT",
  });
}
