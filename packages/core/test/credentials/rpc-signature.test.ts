import { describe, expect, test } from "vitest";
import {
  buildRpcStringToSign,
  formatRpcTimestamp,
  percentEncode,
  signRpcString,
} from "../../src/credentials/rpc-signature.js";

describe("rpc signature", () => {
  test("matches the DescribeRegions documentation vector", () => {
    const stringToSign = buildRpcStringToSign("GET", {
      AccessKeyId: "testid",
      Action: "DescribeRegions",
      Format: "XML",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      SignatureVersion: "1.0",
      Timestamp: "2016-02-23T12:46:24Z",
      Version: "2014-05-26",
    });
    expect(stringToSign).toBe(
      "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
    );
    expect(signRpcString(stringToSign, "testsecret")).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  });

  test("key case changes the signature", () => {
    const stringToSign = buildRpcStringToSign("GET", {
      AccessKeyId: "testid",
      Action: "DescribeRegions",
      Format: "XML",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      SignatureVersion: "1.0",
      TimeStamp: "2016-02-23T12:46:24Z",
      Version: "2014-05-26",
    });
    expect(signRpcString(stringToSign, "testsecret")).toBe("CT9X0VtwR86fNWSnsc6v8YGOjuE=");
  });

  test("percent-encoding follows RFC 3986", () => {
    expect(percentEncode("a-_.~ !'()*\"/é")).toBe("a-_.~%20%21%27%28%29%2A%22%2F%C3%A9");
  });

  test("timestamp drops milliseconds", () => {
    expect(formatRpcTimestamp(Date.UTC(2016, 1, 23, 12, 46, 24, 973))).toBe("2016-02-23T12:46:24Z");
  });
});
