import type { ServiceDescriptor } from "@acs-sdk/core";
import { expect, test } from "vitest";

test("core resolves from source", () => {
  const service: ServiceDescriptor = {
    product: "hbr",
    apiVersion: "2017-09-08",
    endpoint: { rule: "regional", productId: "hbr", map: {} },
  };
  expect(service.product).toBe("hbr");
});
