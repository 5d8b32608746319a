// An application that calls only AddCrossAccount through the generated HBR client. bundle-size.ts
// bundles it to measure what such an application ships; cold-import.ts times its first call.
import { addCrossAccount, createHbrClient } from "../../../packages/hbr-client/src/index.ts";
import type { RegisterAccount } from "../bench-inputs.ts";

/** Sends one AddCrossAccount call with an AccessKey pair. */
export const registerAccount: RegisterAccount = async (
  endpoint,
  accessKeyId,
  accessKeySecret,
  accountId,
) => {
  const client = createHbrClient({
    endpoint,
    credentials: { accessKeyId, accessKeySecret, providerName: "static_ak" },
  });
  try {
    return await addCrossAccount(client, {
      CrossAccountUserId: BigInt(accountId),
      CrossAccountRoleName: "hbrcrossrole",
      CrossAccountType: "CROSS_ACCOUNT",
    });
  } finally {
    client.destroy();
  }
};
