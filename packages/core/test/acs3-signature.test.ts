import {
  canonicalizeHeaders,
  canonicalizeQuery,
  computeAcs3Signature,
  EMPTY_BODY_SHA256,
  formatAcs3Authorization,
  parseAuthorization,
  sha256Hex,
} from "@acs-sdk/core";
import { describe, expect, test } from "vitest";

// The signing example of Alibaba Cloud's V3 signature documentation.
const DOC_EXAMPLE = {
  method: "POST",
  pathname: "/",
  query: {
    ImageId: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
    RegionId: "cn-shanghai",
  },
  headers: {
    host: "ecs.cn-shanghai.aliyuncs.com",
    "x-acs-action": "RunInstances",
    "x-acs-version": "2014-05-26",
    "x-acs-date": "2023-10-26T10:22:32Z",
    "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
    "x-acs-content-sha256": EMPTY_BODY_SHA256,
  },
  accessKeySecret: "YourAccessKeySecret",
};

describe("computeAcs3Signature", () => {
  test("documentation vector", () => {
    const result = computeAcs3Signature(DOC_EXAMPLE);
    expect(result.canonicalRequest).toBe(
      [
        "POST",
        "/",
        "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
        "host:ecs.cn-shanghai.aliyuncs.com",
        "x-acs-action:RunInstances",
        `x-acs-content-sha256:${EMPTY_BODY_SHA256}`,
        "x-acs-date:2023-10-26T10:22:32Z",
        "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d",
        "x-acs-version:2014-05-26",
        "",
        "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
        EMPTY_BODY_SHA256,
      ].join("\n"),
    );
    expect(result.stringToSign).toBe(
      "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259",
    );
    expect(formatAcs3Authorization("YourAccessKeyId", result.signedHeaders, result.signature)).toBe(
      "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
    );
  });

  test("query pairs equal query record", () => {
    const fromPairs = computeAcs3Signature({
      ...DOC_EXAMPLE,
      query: new URLSearchParams(DOC_EXAMPLE.query),
    });
    expect(fromPairs.signature).toBe(
      "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
    );
  });

  test("unsigned headers are ignored", () => {
    const result = computeAcs3Signature({
      ...DOC_EXAMPLE,
      headers: {
        ...DOC_EXAMPLE.headers,
        "user-agent": "x",
        accept: "application/json",
        authorization: "y",
      },
    });
    expect(result.signature).toBe(
      "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
    );
  });

  test("payload hash covers the body bytes", () => {
    const body = '{"a":1}';
    const result = computeAcs3Signature({ ...DOC_EXAMPLE, body });
    expect(result.payloadHash).toBe(sha256Hex(body));
    expect(result.canonicalRequest.endsWith(`\n${sha256Hex(body)}`)).toBe(true);
    expect(computeAcs3Signature({ ...DOC_EXAMPLE, body: Buffer.from(body) }).signature).toBe(
      result.signature,
    );
  });

  test("sha256 helper vector", () => {
    expect(sha256Hex("test")).toBe(
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    );
  });

  test("canonical uri maps plus, asterisk and tilde", () => {
    const result = computeAcs3Signature({ ...DOC_EXAMPLE, pathname: "/a+b/c*d/%7Ee" });
    expect(result.canonicalRequest.split("\n")[1]).toBe("/a%20b/c%2Ad/~e");
  });

  test("signedHeaders input selects headers", () => {
    const result = computeAcs3Signature({
      ...DOC_EXAMPLE,
      headers: { ...DOC_EXAMPLE.headers, "x-acs-extra": "not listed" },
      signedHeaders: [
        "host",
        "x-acs-action",
        "x-acs-content-sha256",
        "x-acs-date",
        "x-acs-signature-nonce",
        "x-acs-version",
      ],
    });
    expect(result.signature).toBe(
      "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
    );
  });
});

describe("canonicalizeHeaders", () => {
  test("trims values and lowercases names", () => {
    const result = canonicalizeHeaders({ "X-Acs-Foo": "  a b  ", Host: " h " });
    expect(result.canonicalHeaders).toBe("host:h\nx-acs-foo:a b\n");
    expect(result.signedHeaders).toBe("host;x-acs-foo");
  });

  test("merges duplicate names sorted", () => {
    const result = canonicalizeHeaders({
      "x-acs-foo": "b",
      "X-ACS-FOO": "a",
      "x-acs-bar": ["z", " y"],
    });
    expect(result.canonicalHeaders).toBe("x-acs-bar:y,z\nx-acs-foo:a,b\n");
  });

  test("signs content-type, not accept", () => {
    const result = canonicalizeHeaders({ "Content-Type": "application/json", Accept: "x" });
    expect(result.signedHeaders).toBe("content-type");
  });

  test("listed but missing header is empty", () => {
    expect(canonicalizeHeaders({}, ["x-acs-missing"]).canonicalHeaders).toBe("x-acs-missing:\n");
  });
});

describe("canonicalizeQuery", () => {
  test("sorts after flattening as strings", () => {
    expect(canonicalizeQuery({ "Tag.2.Key": "b", "Tag.10.Key": "j", "Tag.1.Key": "a" })).toBe(
      "Tag.1.Key=a&Tag.10.Key=j&Tag.2.Key=b",
    );
  });

  test("missing value renders empty", () => {
    expect(canonicalizeQuery({ b: null, a: undefined })).toBe("a=&b=");
  });

  test("encodes names as the documentation says", () => {
    expect(canonicalizeQuery({ "a b": "*" })).toBe("a%20b=%2A");
  });
});

describe("parseAuthorization", () => {
  test("reads the three fields", () => {
    expect(
      parseAuthorization(
        "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;X-Acs-Date,Signature=abc",
      ),
    ).toEqual({
      algorithm: "ACS3-HMAC-SHA256",
      accessKeyId: "AK",
      signedHeaders: ["host", "x-acs-date"],
      signature: "abc",
    });
  });

  test("tolerates spaces after commas", () => {
    expect(
      parseAuthorization("ACS3-HMAC-SHA256 Credential=AK, SignedHeaders=host, Signature=abc")
        ?.signature,
    ).toBe("abc");
  });

  test.each([
    ["no algorithm", "Credential=AK,SignedHeaders=host,Signature=abc"],
    ["no signature", "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host"],
    ["empty credential", "ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=abc"],
    ["legacy form", "acs AK:c2lnbmF0dXJl"],
  ])("%s is rejected", (_name, header) => {
    expect(parseAuthorization(header)).toBeUndefined();
  });
});
