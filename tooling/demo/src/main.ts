/**
 * Starts the local mock server for HBR, calls AddCrossAccount through the generated client with
 * real ACS3 signing, prints the parsed response and stops the server.
 */
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { StaticAkCredentialProvider } from "@acs-sdk/core/credentials";
import { addCrossAccount, HbrClient } from "@acs-sdk/hbr-client";
import { requestValidators } from "@acs-sdk/hbr-validators";
import { startMockServer } from "@acs-sdk/mock-server";

const specDir = fileURLToPath(new URL("../../../specs/hbr/2017-09-08", import.meta.url));

// A throwaway key pair that only this mock server accepts.
const accessKey = {
  accessKeyId: `LTAI${randomBytes(8).toString("hex")}`,
  accessKeySecret: randomBytes(24).toString("base64url"),
};

const server = await startMockServer({
  spec: specDir,
  validators: requestValidators,
  credentials: [accessKey],
});
console.log(`mock server listening on ${server.url}`);

const client = new HbrClient({
  endpoint: server.url,
  credentials: new StaticAkCredentialProvider(accessKey),
});

try {
  const response = await addCrossAccount(client, {
    CrossAccountUserId: 1589753000000625,
    CrossAccountRoleName: "hbrcrossrole",
    CrossAccountType: "CROSS_ACCOUNT",
    Alias: "source-account-1",
  });
  const received = server.requests.at(-1);
  if (received !== undefined) {
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(received.headers.authorization ?? "")?.[1];
    console.log(`request: ${received.method} ${received.url}`);
    console.log(`verified ${received.signature} signature over ${signedHeaders}`);
  }
  console.log("AddCrossAccount response:");
  console.log(JSON.stringify(response, null, 2));
  console.log(
    `HTTP ${response.$metadata.httpStatus} after ${response.$metadata.attempts} attempt(s)`,
  );
} finally {
  client.destroy();
  await server.close();
  console.log("mock server stopped");
}
