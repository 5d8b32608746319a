// An application that calls only AddCrossAccount through the generated HBR client. Bundled by
// bundle-size.ts to measure what such an application ships.
import { AcsClient, type ClientConfig } from "@acs-sdk/core";
import { addCrossAccount, hbrService } from "../../../packages/hbr-client/src/index.ts";

/** Sends one AddCrossAccount call. */
export function registerAccount(config: ClientConfig, accountId: bigint) {
  return addCrossAccount(new AcsClient(hbrService, config), {
    CrossAccountUserId: accountId,
    CrossAccountRoleName: "hbrcrossrole",
    CrossAccountType: "CROSS_ACCOUNT",
  });
}
