import type { ServiceDescriptor } from "@acs-sdk/core";
import { ConfigurationError } from "@acs-sdk/core/errors";
import { resolveEndpoint } from "@acs-sdk/core/protocol";
import { describe, expect, test } from "vitest";

const HBR: ServiceDescriptor = {
  product: "hbr",
  apiVersion: "2017-09-08",
  endpoint: { rule: "regional", productId: "hbr", map: { "cn-zhangbei": "hbr.aliyuncs.com" } },
};
const CENTRAL: ServiceDescriptor = {
  product: "sts",
  apiVersion: "2015-04-01",
  endpoint: { rule: "central", productId: "sts", map: {} },
};

function configurationError(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      return error;
    }
    throw error;
  }
  throw new Error("expected a ConfigurationError");
}

describe("resolveEndpoint", () => {
  test("regional rule", () => {
    expect(resolveEndpoint(HBR, { regionId: "cn-hangzhou" })).toEqual({
      protocol: "https:",
      hostname: "hbr.cn-hangzhou.aliyuncs.com",
      port: undefined,
      host: "hbr.cn-hangzhou.aliyuncs.com",
    });
  });

  test("vpc network", () => {
    expect(resolveEndpoint(HBR, { regionId: "cn-hangzhou", network: "vpc" }).host).toBe(
      "hbr-vpc.cn-hangzhou.aliyuncs.com",
    );
  });

  test("public network adds nothing", () => {
    expect(resolveEndpoint(HBR, { regionId: "cn-hangzhou", network: "public" }).host).toBe(
      "hbr.cn-hangzhou.aliyuncs.com",
    );
  });

  test("mapped region ignores network", () => {
    expect(resolveEndpoint(HBR, { regionId: "cn-zhangbei", network: "vpc" }).host).toBe(
      "hbr.aliyuncs.com",
    );
  });

  test("central rule", () => {
    expect(resolveEndpoint(CENTRAL, { regionId: "cn-hangzhou" }).host).toBe("sts.aliyuncs.com");
    expect(resolveEndpoint(CENTRAL, {}).host).toBe("sts.aliyuncs.com");
    expect(resolveEndpoint(CENTRAL, { network: "vpc" }).host).toBe("sts-vpc.aliyuncs.com");
  });

  test("explicit host overrides the rule", () => {
    expect(
      resolveEndpoint(HBR, { regionId: "cn-hangzhou", endpoint: "hbr.example.internal" }),
    ).toEqual({
      protocol: "https:",
      hostname: "hbr.example.internal",
      port: undefined,
      host: "hbr.example.internal",
    });
  });

  test("explicit URL with port and http", () => {
    expect(resolveEndpoint(HBR, { endpoint: "http://127.0.0.1:8080" })).toEqual({
      protocol: "http:",
      hostname: "127.0.0.1",
      port: 8080,
      host: "127.0.0.1:8080",
    });
  });

  test("host with port takes the protocol option", () => {
    expect(resolveEndpoint(HBR, { endpoint: "127.0.0.1:9000", protocol: "http" })).toMatchObject({
      protocol: "http:",
      port: 9000,
      host: "127.0.0.1:9000",
    });
  });

  test("IPv6 URL", () => {
    expect(resolveEndpoint(HBR, { endpoint: "http://[::1]:8080/" })).toMatchObject({
      hostname: "::1",
      host: "[::1]:8080",
    });
  });

  test("https by default", () => {
    expect(resolveEndpoint(HBR, { regionId: "cn-hangzhou", protocol: undefined }).protocol).toBe(
      "https:",
    );
  });

  test("missing region is a clear error", () => {
    const error = configurationError(() => resolveEndpoint(HBR, {}));
    expect(error.code).toBe("MissingRegion");
    expect(error.message).toContain("regionId");
    expect(error.message).toContain("endpoint");
  });

  test.each([
    ["path", "http://127.0.0.1:8080/api"],
    ["scheme", "ftp://example.com"],
    ["garbage", "http://"],
  ])("invalid endpoint with %s", (_name, endpoint) => {
    expect(configurationError(() => resolveEndpoint(HBR, { endpoint })).code).toBe(
      "InvalidEndpoint",
    );
  });

  test.each([
    ["http://admin:Pa55word@127.0.0.1:8080", '"http://[redacted]@127.0.0.1:8080"'],
    ["admin:Pa55word@hbr.example.com", '"[redacted]@hbr.example.com"'],
  ])("invalid endpoint hides the password of %s", (endpoint, quoted) => {
    const error = configurationError(() => resolveEndpoint(HBR, { endpoint }));
    expect(error.code).toBe("InvalidEndpoint");
    expect(error.message).not.toContain("Pa55word");
    expect(error.message).toContain(quoted);
  });

  test("region with host characters", () => {
    expect(configurationError(() => resolveEndpoint(HBR, { regionId: "evil.com/x" })).code).toBe(
      "InvalidEndpoint",
    );
  });
});
