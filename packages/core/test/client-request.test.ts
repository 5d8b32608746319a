import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import {
  type CredentialProvider,
  EMPTY_BODY_SHA256,
  type OperationDescriptor,
  SDK_VERSION,
  serializeRequest,
  sha256Hex,
} from "@acs-sdk/core";
import { computeRpcV1Signature } from "@acs-sdk/core/protocol";
import { describe, expect, test } from "vitest";
import {
  ADD_CROSS_ACCOUNT,
  hasValidSignature,
  sendJson,
  TEST_CREDENTIAL,
  TEST_STS_CREDENTIAL,
  useClientFixture,
} from "./support/loopback-server.js";

const SUCCESS = { Code: "200", Message: "successful", RequestId: "req-1", Success: true };

const fixture = useClientFixture();
const setUp = fixture.start;

describe("AcsClient RPC request", () => {
  test("AddCrossAccount wire form", async () => {
    const { server, client } = await setUp((_request, response) =>
      sendJson(response, 200, SUCCESS),
    );
    const result = await client.send<typeof SUCCESS>(ADD_CROSS_ACCOUNT, {
      CrossAccountUserId: 1589753000000625,
      CrossAccountRoleName: "hbrcrossrole",
      CrossAccountType: "CROSS_ACCOUNT",
      Alias: "source account*1",
    });

    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.url.pathname).toBe("/");
    expect(request.url.search).toBe(
      "?Alias=source%20account%2A1&CrossAccountRoleName=hbrcrossrole&CrossAccountType=CROSS_ACCOUNT&CrossAccountUserId=1589753000000625",
    );
    expect(request.body.length).toBe(0);
    expect(request.headers["content-type"]).toBeUndefined();
    expect(request.headers.host).toBe(`127.0.0.1:${server.port}`);
    expect(request.headers["x-acs-version"]).toBe("2017-09-08");
    expect(request.headers["x-acs-action"]).toBe("AddCrossAccount");
    expect(request.headers.accept).toBe("application/json");
    expect(request.headers["x-acs-date"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(request.headers["x-acs-signature-nonce"]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(request.headers["x-acs-content-sha256"]).toBe(EMPTY_BODY_SHA256);
    expect(request.headers["x-acs-credentials-provider"]).toBe("static_ak");
    expect(request.headers["x-acs-security-token"]).toBeUndefined();
    expect(request.headers["x-acs-retry-attempts"]).toBeUndefined();
    expect(request.headers.authorization).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI5tTestAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$/,
    );
    expect(hasValidSignature(request, TEST_CREDENTIAL.accessKeySecret)).toBe(true);
    expect(hasValidSignature(request, "another secret")).toBe(false);

    expect(result).toEqual(SUCCESS);
    expect(Object.keys(result)).not.toContain("$metadata");
    expect(result.$metadata.httpStatus).toBe(200);
    expect(result.$metadata.requestId).toBe("req-1");
    expect(result.$metadata.attempts).toBe(1);
    expect(result.$metadata.headers["content-type"]).toBe("application/json");
  });

  test("header order follows the official runtime", async () => {
    const { server, client } = await setUp((_request, response) =>
      sendJson(response, 200, SUCCESS),
    );
    await client.send(ADD_CROSS_ACCOUNT, { Alias: "a" });
    const names = Object.keys(server.requests[0]!.headers).filter(
      (name) => name !== "connection" && name !== "content-length",
    );
    expect(names).toEqual([
      "host",
      "x-acs-version",
      "x-acs-action",
      "user-agent",
      "x-acs-date",
      "x-acs-signature-nonce",
      "accept",
      "x-acs-content-sha256",
      "x-acs-credentials-provider",
      "authorization",
    ]);
  });

  test("STS credential headers are signed", async () => {
    const { server, client } = await setUp(
      (_request, response) => sendJson(response, 200, SUCCESS),
      {
        credentials: TEST_STS_CREDENTIAL,
      },
    );
    await client.send(ADD_CROSS_ACCOUNT, {});
    const request = server.requests[0]!;
    expect(request.headers["x-acs-accesskey-id"]).toBe(TEST_STS_CREDENTIAL.accessKeyId);
    expect(request.headers["x-acs-security-token"]).toBe(TEST_STS_CREDENTIAL.securityToken);
    expect(request.headers["x-acs-credentials-provider"]).toBe("static_sts");
    expect(String(request.headers.authorization)).toContain(
      "SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,",
    );
    expect(hasValidSignature(request, TEST_STS_CREDENTIAL.accessKeySecret)).toBe(true);
  });

  test("credential provider is asked per attempt", async () => {
    let calls = 0;
    const provider: CredentialProvider = {
      name: "test",
      getCredential: async () => {
        calls++;
        return { ...TEST_CREDENTIAL, providerName: "test/provider" };
      },
    };
    let answered = 0;
    const { server, client } = await setUp(
      (_request, response) => {
        answered++;
        if (answered === 1) {
          sendJson(response, 503, { Code: "ServiceUnavailable", Message: "busy", RequestId: "r" });
        } else {
          sendJson(response, 200, SUCCESS);
        }
      },
      { credentials: provider, retry: { sleep: async () => {} } },
    );
    await client.send(ADD_CROSS_ACCOUNT, {});
    expect(calls).toBe(2);
    expect(server.requests[1]!.headers["x-acs-credentials-provider"]).toBe("test/provider");
  });

  test("clock and nonce make requests reproducible", async () => {
    const { server, client } = await setUp(
      (_request, response) => sendJson(response, 200, SUCCESS),
      {
        clock: () => new Date("2026-01-02T03:04:05.678Z"),
        nonce: () => "fixed-nonce",
      },
    );
    await client.send(ADD_CROSS_ACCOUNT, { Alias: "a" });
    await client.send(ADD_CROSS_ACCOUNT, { Alias: "a" });
    const [first, second] = server.requests;
    expect(first?.headers["x-acs-date"]).toBe("2026-01-02T03:04:05Z");
    expect(first?.headers["x-acs-signature-nonce"]).toBe("fixed-nonce");
    expect(second?.headers.authorization).toBe(first?.headers.authorization);
    expect(first && hasValidSignature(first, TEST_CREDENTIAL.accessKeySecret)).toBe(true);
  });

  test("user agent carries the suffix", async () => {
    const { server, client } = await setUp(
      (_request, response) => sendJson(response, 200, SUCCESS),
      {
        userAgent: "my-app/2.0",
      },
    );
    await client.send(ADD_CROSS_ACCOUNT, {});
    expect(server.requests[0]!.headers["user-agent"]).toBe(
      `acs-sdk/${SDK_VERSION} (${process.platform}; ${process.arch}) Node.js/${process.version} my-app/2.0`,
    );
  });

  test("SDK_VERSION matches package.json", () => {
    const manifest = JSON.parse(
      readFileSync(new URL("../package.json", import.meta.url), "utf8"),
    ) as {
      version: string;
    };
    expect(SDK_VERSION).toBe(manifest.version);
  });

  test("call headers merge case-insensitively and are signed", async () => {
    const { server, client } = await setUp((_request, response) =>
      sendJson(response, 200, SUCCESS),
    );
    await client.send(
      ADD_CROSS_ACCOUNT,
      {},
      { headers: { "X-Acs-Trace": "b", "x-acs-trace": "a", "X-Other": "o" } },
    );
    const request = server.requests[0]!;
    expect(request.headersDistinct["x-acs-trace"]).toEqual(["a,b"]);
    expect(request.headers["x-other"]).toBe("o");
    expect(String(request.headers.authorization)).toContain("x-acs-trace");
    expect(String(request.headers.authorization)).not.toContain("x-other");
    expect(hasValidSignature(request, TEST_CREDENTIAL.accessKeySecret)).toBe(true);
  });

  test.each(["x-acs-action", "X-Acs-Version", "host", "Authorization", "x-acs-date"])(
    "call header %s is rejected",
    async (name) => {
      const { server, client } = await setUp((_request, response) =>
        sendJson(response, 200, SUCCESS),
      );
      const call = client.send(ADD_CROSS_ACCOUNT, {}, { headers: { [name]: "DescribeTask" } });
      await expect(call).rejects.toMatchObject({
        name: "ConfigurationError",
        code: "InvalidConfiguration",
      });
      await expect(call).rejects.toThrow(name);
      expect(server.requests).toHaveLength(0);
    },
  );

  test.each([
    [{ " host": "evil.example" }, '" host" is not a valid HTTP header name'],
    [{ "x-acs-trace\t": "a" }, "is not a valid HTTP header name"],
    [{ "": "a" }, '"" is not a valid HTTP header name'],
    [{ "x-acs-trace": 5 }, '"x-acs-trace" has the value 5; pass a string'],
    [{ "x-acs-trace": undefined }, "has the value undefined"],
  ])("call headers %o are rejected", async (headers, message) => {
    const { server, client } = await setUp((_request, response) =>
      sendJson(response, 200, SUCCESS),
    );
    const call = client.send(ADD_CROSS_ACCOUNT, {}, { headers: headers as never });
    await expect(call).rejects.toMatchObject({
      name: "ConfigurationError",
      code: "InvalidConfiguration",
      message: expect.stringContaining(message),
    });
    expect(server.requests).toHaveLength(0);
  });

  test("form body without serialize", async () => {
    const { server, client } = await setUp((_request, response) =>
      sendJson(response, 200, SUCCESS),
    );
    const operation: OperationDescriptor = {
      ...ADD_CROSS_ACCOUNT,
      action: "ChangeResourceGroup",
      parameters: [{ name: "ResourceId", in: "formData" }],
    };
    const sent = client.send(operation, { ResourceId: "v-1" });
    await expect(sent).rejects.toMatchObject({
      name: "ConfigurationError",
      code: "InvalidConfiguration",
      message: expect.stringContaining("operation ChangeResourceGroup is missing serialize"),
    });
    expect(server.requests).toHaveLength(0);
  });

  test("form body is hashed as sent", async () => {
    const operation: OperationDescriptor = {
      action: "ChangeResourceGroup",
      method: "POST",
      pathname: "/",
      style: "RPC",
      readOnly: false,
      parameters: [
        { name: "ResourceId", in: "formData" },
        { name: "NewResourceGroupId", in: "formData" },
        { name: "Tag", in: "formData" },
      ],
      serialize: serializeRequest,
    };
    const { server, client } = await setUp((_request, response) =>
      sendJson(response, 200, SUCCESS),
    );
    await client.send(operation, {
      ResourceId: "v-1 (x)",
      NewResourceGroupId: "rg-1",
      Tag: [{ Key: "k", Value: "v*" }],
    });
    const request = server.requests[0]!;
    const body = "NewResourceGroupId=rg-1&ResourceId=v-1%20%28x%29&Tag.1.Key=k&Tag.1.Value=v%2A";
    expect(request.body.toString()).toBe(body);
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.headers["x-acs-content-sha256"]).toBe(sha256Hex(body));
    expect(String(request.headers.authorization)).toContain("content-type;host;");
    expect(hasValidSignature(request, TEST_CREDENTIAL.accessKeySecret)).toBe(true);
  });

  test("int64 round trip above 2^53", async () => {
    const { server, client } = await setUp((request, response) => {
      const id = request.url.searchParams.get("CrossAccountUserId");
      sendJson(response, 200, `{"RequestId":"r","Echo":${id},"Small":42}`);
    });
    const id = 2n ** 63n - 25n;
    const result = await client.send<{ Echo: bigint; Small: number }>(ADD_CROSS_ACCOUNT, {
      CrossAccountUserId: id,
    });
    expect(server.requests[0]!.url.searchParams.get("CrossAccountUserId")).toBe(
      "9223372036854775783",
    );
    expect(result.Echo).toBe(id);
    expect(result.Small).toBe(42);
  });

  test("empty success body gives an empty object", async () => {
    const { client } = await setUp((_request, response) => {
      response.writeHead(200, { "x-acs-request-id": "from-header" });
      response.end();
    });
    const result = await client.send<Record<string, never>>(ADD_CROSS_ACCOUNT, {});
    expect(result).toEqual({});
    expect(result.$metadata.requestId).toBe("from-header");
  });

  test("client keeps working after destroy", async () => {
    const { server, client } = await setUp((_request, response) =>
      sendJson(response, 200, SUCCESS),
    );
    await client.send(ADD_CROSS_ACCOUNT, {});
    client.destroy();
    await client.send(ADD_CROSS_ACCOUNT, {});
    expect(server.requests).toHaveLength(2);
  });

  test("inspect and JSON omit credentials", async () => {
    const { client } = await setUp((_request, response) => sendJson(response, 200, SUCCESS), {
      credentials: TEST_STS_CREDENTIAL,
    });
    const texts = [inspect(client, { depth: 10 }), JSON.stringify(client), String(client)];
    for (const text of texts) {
      expect(text).not.toContain(TEST_STS_CREDENTIAL.accessKeySecret);
      expect(text).not.toContain(TEST_STS_CREDENTIAL.securityToken);
    }
    expect(texts[0]).toContain("[redacted]");
  });

  test("legacy v1 signature", async () => {
    const { server, client } = await setUp(
      (_request, response) => sendJson(response, 200, SUCCESS),
      {
        signatureVersion: "v1",
        credentials: TEST_STS_CREDENTIAL,
      },
    );
    await client.send(ADD_CROSS_ACCOUNT, { Alias: "a b", CrossAccountUserId: 9007199254740993n });
    const request = server.requests[0]!;
    const parameters = Object.fromEntries(request.url.searchParams);
    const { Signature: signature, ...signed } = parameters;
    expect(signed).toMatchObject({
      Action: "AddCrossAccount",
      Version: "2017-09-08",
      Format: "JSON",
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      AccessKeyId: TEST_STS_CREDENTIAL.accessKeyId,
      SecurityToken: TEST_STS_CREDENTIAL.securityToken,
      Alias: "a b",
      CrossAccountUserId: "9007199254740993",
    });
    expect(signed.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(signature).toBe(
      computeRpcV1Signature({
        method: "POST",
        parameters: signed,
        accessKeySecret: TEST_STS_CREDENTIAL.accessKeySecret,
      }).signature,
    );
    expect(request.headers.authorization).toBeUndefined();
  });
});

describe("AcsClient ROA request", () => {
  const createFile: OperationDescriptor = {
    action: "CreateFile",
    method: "PUT",
    pathname: "/vaults/{VaultId}/files/{Name}",
    style: "ROA",
    readOnly: false,
    parameters: [
      { name: "VaultId", in: "path" },
      { name: "Name", in: "path" },
      { name: "DryRun", in: "query" },
      { name: "x-acs-resource-group-id", in: "header" },
      { name: "Size", in: "body" },
      { name: "Labels", in: "body" },
    ],
    serialize: serializeRequest,
  };

  test("path, query, header and JSON body are signed", async () => {
    const { server, client } = await setUp((_request, response) =>
      sendJson(response, 200, { RequestId: "r" }),
    );
    await client.send(createFile, {
      VaultId: "v-1",
      Name: "a b/c",
      DryRun: true,
      "x-acs-resource-group-id": "rg-9",
      Size: 2n ** 64n,
      Labels: { env: "prod" },
    });
    const request = server.requests[0]!;
    expect(request.method).toBe("PUT");
    expect(request.url.pathname).toBe("/vaults/v-1/files/a%20b%2Fc");
    expect(request.url.search).toBe("?DryRun=true");
    expect(request.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(request.body.toString()).toBe('{"Size":18446744073709551616,"Labels":{"env":"prod"}}');
    expect(request.headers["x-acs-content-sha256"]).toBe(sha256Hex(request.body));
    expect(request.headers["x-acs-resource-group-id"]).toBe("rg-9");
    expect(String(request.headers.authorization)).toContain("x-acs-resource-group-id");
    expect(hasValidSignature(request, TEST_CREDENTIAL.accessKeySecret)).toBe(true);
  });

  test("v1 signature rejects ROA", async () => {
    const { server, client } = await setUp((_request, response) => sendJson(response, 200, {}), {
      signatureVersion: "v1",
    });
    await expect(client.send(createFile, { VaultId: "v", Name: "n" })).rejects.toMatchObject({
      name: "ConfigurationError",
      code: "InvalidConfiguration",
    });
    expect(server.requests).toHaveLength(0);
  });
});
