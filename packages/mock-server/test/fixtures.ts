/** Spec paths and client descriptors the mock server tests share. */
import { fileURLToPath } from "node:url";
import { AcsClient, type ClientConfig, type OperationDescriptor } from "@acs-sdk/core";
import type { MockServer } from "../src/index.js";
import { TEST_CREDENTIAL } from "./wire-client.js";

/** The HBR spec of this repository. */
export const HBR_SPEC = fileURLToPath(new URL("../../../specs/hbr/2017-09-08", import.meta.url));

/** A made-up ROA product covering every parameter position and style. */
export const GADGETS_SPEC = fileURLToPath(
  new URL("./fixtures/gadgets/2024-06-01", import.meta.url),
);

/** HBR AddCrossAccount as a generated client describes it. */
export const ADD_CROSS_ACCOUNT: OperationDescriptor = {
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

/** Creates an HBR client that sends to `server` with the test credential. */
export function hbrClient(server: MockServer, config: ClientConfig = {}): AcsClient {
  return new AcsClient(
    {
      product: "hbr",
      apiVersion: "2017-09-08",
      endpoint: { rule: "regional", productId: "hbr", map: {} },
    },
    {
      regionId: "cn-hangzhou",
      endpoint: server.url,
      credentials: { ...TEST_CREDENTIAL, providerName: "static_ak" },
      retry: { maxAttempts: 1 },
      ...config,
    },
  );
}
