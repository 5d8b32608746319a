import {
  AcsClient,
  type ClientConfig,
  computeAcs3Signature,
  type OperationDescriptor,
  parseAuthorization,
} from "@acs-sdk/core";
import {
  AcsError,
  ConfigurationError,
  CredentialsError,
  SerializationError,
  ServiceError,
  ThrottlingError,
  ValidationError,
} from "@acs-sdk/core/errors";
import { describe, expect, test } from "vitest";
import {
  ADD_CROSS_ACCOUNT,
  type Handler,
  HBR_SERVICE,
  type LoopbackServer,
  sendJson,
  TEST_CREDENTIAL,
  useClientFixture,
} from "./support/loopback-server.js";

const fixture = useClientFixture({ retry: { sleep: async () => {} } });
let server: LoopbackServer | undefined;

async function failWith(
  handler: Handler,
  config: ClientConfig = {},
  operation: OperationDescriptor = ADD_CROSS_ACCOUNT,
  request: object = {},
): Promise<unknown> {
  const started = await fixture.start(handler, config);
  server = started.server;
  try {
    await started.client.send(operation, request);
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("AcsClient service errors", () => {
  test("400 gives a ServiceError with every field", async () => {
    const body = {
      Code: "InvalidParameter",
      Message: "The specified parameter Alias is invalid.",
      RequestId: "7B1A6C3E",
      HostId: "hbr.cn-hangzhou.aliyuncs.com",
      Recommend: "https://api.aliyun.com/troubleshoot?q=InvalidParameter",
    };
    const error = await failWith((_request, response) => sendJson(response, 400, body));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).not.toBeInstanceOf(ThrottlingError);
    const serviceError = error as ServiceError;
    expect(serviceError.code).toBe("InvalidParameter");
    expect(serviceError.action).toBe("AddCrossAccount");
    expect(serviceError.httpStatus).toBe(400);
    expect(serviceError.requestId).toBe("7B1A6C3E");
    expect(serviceError.hostId).toBe("hbr.cn-hangzhou.aliyuncs.com");
    expect(serviceError.recommend).toBe(body.Recommend);
    expect(serviceError.data).toEqual(body);
    expect(serviceError.message).toBe(
      "AddCrossAccount failed: InvalidParameter (HTTP 400): The specified parameter Alias is invalid. Request ID: 7B1A6C3E. See https://api.aliyun.com/troubleshoot?q=InvalidParameter",
    );
    expect(server?.requests).toHaveLength(1);
  });

  test("403 carries accessDeniedDetail", async () => {
    const detail = {
      PolicyType: "AccountLevelIdentityBasedPolicy",
      AuthAction: "hbr:AddCrossAccount",
    };
    const error = (await failWith((_request, response) =>
      sendJson(response, 403, {
        Code: "NoPermission",
        Message: "denied",
        RequestId: "r",
        AccessDeniedDetail: detail,
      }),
    )) as ServiceError;
    expect(error.code).toBe("NoPermission");
    expect(error.accessDeniedDetail).toEqual(detail);
  });

  test("HTML 502 gives a typed error with an excerpt", async () => {
    const html = `<html><head><title>502 Bad Gateway</title></head><body>${"x".repeat(500)}</body></html>`;
    const error = (await failWith((_request, response) => {
      response.writeHead(502, { "content-type": "text/html" });
      response.end(html);
    })) as ServiceError;
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.code).toBe("NonJsonResponse");
    expect(error.httpStatus).toBe(502);
    expect(error.message).toContain("HTTP 502");
    expect(error.message).toContain("text/html");
    expect(error.message).toContain("502 Bad Gateway");
    expect(error.message.length).toBeLessThan(400);
    expect(server?.requests).toHaveLength(3);
  });

  test("JSON body without Code", async () => {
    const error = (await failWith((_request, response) =>
      sendJson(response, 404, { error: "missing" }),
    )) as ServiceError;
    expect(error.code).toBe("UnknownServiceError");
    expect(error.httpStatus).toBe(404);
  });

  test("Throttling code gives ThrottlingError", async () => {
    const error = (await failWith((_request, response) =>
      sendJson(response, 400, {
        Code: "Throttling.User",
        Message: "Request was denied due to user flow control.",
        RequestId: "r",
      }),
    )) as ThrottlingError;
    expect(error).toBeInstanceOf(ThrottlingError);
    expect(error.retryAfterMs).toBeUndefined();
    expect(server?.requests).toHaveLength(3);
  });

  test("x-acs-retry-after gives retryAfterMs", async () => {
    const waits: number[] = [];
    const error = (await failWith(
      (_request, response) =>
        sendJson(
          response,
          429,
          { Code: "TooManyRequests", Message: "slow down", RequestId: "r" },
          { "x-acs-retry-after": "1500" },
        ),
      { retry: { sleep: async (ms) => void waits.push(ms) } },
    )) as ThrottlingError;
    expect(error).toBeInstanceOf(ThrottlingError);
    expect(error.retryAfterMs).toBe(1500);
    expect(waits).toEqual([1500, 1500]);
  });

  test("SignatureDoesNotMatch compares strings to sign", async () => {
    const error = (await failWith((request, response) => {
      const serverStringToSign = "ACS3-HMAC-SHA256\nfeedface";
      sendJson(response, 400, {
        Code: "SignatureDoesNotMatch",
        Message: `Specified signature is not matched with our calculation. server string to sign is:${serverStringToSign}`,
        RequestId: "r",
        Recommend: "https://error-center.aliyun.com/status/search?Keyword=SignatureDoesNotMatch",
      });
      void request;
    })) as ServiceError;
    expect(error.code).toBe("SignatureDoesNotMatch");
    expect(error.message).toContain("Server string to sign: ACS3-HMAC-SHA256\nfeedface");
    expect(error.message).toMatch(/Client string to sign: ACS3-HMAC-SHA256\n[0-9a-f]{64}/);
    expect(error.message).toContain("Client canonical request:\nPOST\n/\n");
    expect(error.message).toContain("They differ");
    expect(error.message).not.toContain(TEST_CREDENTIAL.accessKeySecret);
  });

  test("SignatureDoesNotMatch with equal strings blames the secret", async () => {
    const error = (await failWith((request, response) => {
      // A gateway holding another secret computes the same string to sign but another signature.
      const authorization = parseAuthorization(String(request.headers.authorization));
      const { stringToSign } = computeAcs3Signature({
        method: request.method,
        pathname: request.url.pathname,
        query: request.url.searchParams,
        headers: request.headersDistinct,
        body: request.body,
        accessKeySecret: "the secret the gateway holds",
        signedHeaders: authorization?.signedHeaders ?? [],
      });
      sendJson(response, 400, {
        Code: "SignatureDoesNotMatch",
        Message: `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
        RequestId: "r",
      });
    })) as ServiceError;
    expect(error.message).toContain("They match, so the AccessKey secret is wrong");
    expect(server?.requests).toHaveLength(1);
  });

  test("200 with invalid JSON", async () => {
    const error = (await failWith((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end("{not json");
    })) as SerializationError;
    expect(error).toBeInstanceOf(SerializationError);
    expect(error.code).toBe("InvalidResponseBody");
    expect(error.message).toContain("{not json");
  });
});

describe("AcsClient errors before sending", () => {
  test("validation issues stop the call", async () => {
    const operation: OperationDescriptor = {
      ...ADD_CROSS_ACCOUNT,
      validate: (request) =>
        (request as { Alias?: string }).Alias === undefined
          ? []
          : [
              {
                path: "Alias",
                constraint: "maxLength",
                message: "Alias must be at most 32 characters.",
              },
            ],
    };
    const error = (await failWith(() => undefined, {}, operation, {
      Alias: "x".repeat(40),
    })) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe("ValidationFailed");
    expect(error.issues).toEqual([
      { path: "Alias", constraint: "maxLength", message: "Alias must be at most 32 characters." },
    ]);
    expect(error.message).toContain("Alias: Alias must be at most 32 characters.");
    expect(server?.requests).toHaveLength(0);
  });

  test("unserializable value stops the call", async () => {
    const operation: OperationDescriptor = {
      ...ADD_CROSS_ACCOUNT,
      parameters: [{ name: "Alias", in: "query", type: "string" }],
    };
    const error = (await failWith(() => undefined, {}, operation, {
      Alias: { nested: true },
    })) as SerializationError;
    expect(error).toBeInstanceOf(SerializationError);
    expect(error.message).toContain("Parameter Alias is an object, but a string");
    expect(error.message).not.toContain("[object");
    expect(server?.requests).toHaveLength(0);
  });

  test("missing region", async () => {
    const client = new AcsClient(HBR_SERVICE, { credentials: TEST_CREDENTIAL });
    await expect(client.send(ADD_CROSS_ACCOUNT, {})).rejects.toBeInstanceOf(ConfigurationError);
  });

  test("provider failure becomes CredentialsError", async () => {
    const error = (await failWith(() => undefined, {
      credentials: {
        name: "broken",
        getCredential: () => Promise.reject(new TypeError("socket closed")),
      },
    })) as CredentialsError;
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error).toBeInstanceOf(AcsError);
    expect(error.code).toBe("CredentialRequestFailed");
    expect(error.message).toContain("broken");
    expect(error.message).toContain("socket closed");
    expect(server?.requests).toHaveLength(0);
  });

  test("provider resolving to nothing", async () => {
    const error = (await failWith(() => undefined, {
      credentials: {
        name: "hand-written",
        getCredential: () => Promise.resolve(undefined as never),
      },
    })) as CredentialsError;
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.code).toBe("InvalidCredentialResponse");
    expect(error.provider).toBe("hand-written");
    expect(error.message).toContain("returned undefined");
    expect(server?.requests).toHaveLength(0);
  });

  test.each([
    ["control character", "static_ak\n", "control or non-ASCII character"],
    ["number", 7, "providerName is number"],
  ])("providerName with a %s", async (_case, providerName, text) => {
    const error = (await failWith(() => undefined, {
      credentials: {
        accessKeyId: "id",
        accessKeySecret: "secret-value",
        providerName: providerName as string,
      },
    })) as CredentialsError;
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.code).toBe("InvalidCredentialOptions");
    expect(error.message).toContain(text);
    expect(server?.requests).toHaveLength(0);
  });

  test("empty static credential", async () => {
    const error = (await failWith(() => undefined, {
      credentials: { accessKeyId: "", accessKeySecret: "", providerName: "static_ak" },
    })) as CredentialsError;
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.code).toBe("InvalidCredentialOptions");
  });

  test.each([
    ["accessKeyId", { accessKeyId: "sts\nid", accessKeySecret: "secret-value" }],
    ["accessKeySecret", { accessKeyId: "id", accessKeySecret: "secret\r\nvalue" }],
    [
      "securityToken",
      { accessKeyId: "id", accessKeySecret: "secret-value", securityToken: "token\u0000value" },
    ],
  ])("control character in %s", async (field, credential) => {
    const error = (await failWith(() => undefined, {
      credentials: { ...credential, providerName: "static_sts" },
    })) as CredentialsError;
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.code).toBe("InvalidCredentialOptions");
    expect(error.message).toContain(field);
    for (const value of Object.values(credential)) {
      expect(error.message).not.toContain(value);
    }
    expect(server?.requests).toHaveLength(0);
  });
});

describe("AcsClient option checks", () => {
  test.each([
    ["client protocol", { protocol: "ftp" }],
    ["client signatureVersion", { signatureVersion: "v2" }],
    ["client regionId", { regionId: 42 }],
    ["client userAgent", { userAgent: "app/1.0\r\nx-injected: 1" }],
    ["client connectTimeoutMs", { connectTimeoutMs: -5 }],
    ["client readTimeoutMs", { readTimeoutMs: 0 }],
    ["client retry.maxAttempts", { retry: { maxAttempts: 0 } }],
    ["client retry.maxAttempts", { retry: { maxAttempts: 2.5 } }],
    ["client retry.baseDelayMs", { retry: { baseDelayMs: Number.NaN } }],
    ["client retry.maxDelayMs", { retry: { maxDelayMs: -1 } }],
    // Node.js fires a timer longer than 2 ** 31 - 1 ms after 1 ms.
    ["client readTimeoutMs", { readTimeoutMs: 2 ** 31 }],
    ["client connectTimeoutMs", { connectTimeoutMs: 2 ** 40 }],
    ["client retry.maxDelayMs", { retry: { maxDelayMs: 2 ** 31 } }],
    ["client retry", { retry: null }],
  ])("%s is checked", async (path, options) => {
    const error = (await failWith(
      () => undefined,
      options as unknown as ClientConfig,
    )) as ConfigurationError;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.code).toBe("InvalidConfiguration");
    expect(error.message).toContain(`The ${path} option is`);
    expect(server?.requests).toHaveLength(0);
  });

  test.each([
    ["call readTimeoutMs", { readTimeoutMs: -1 }],
    ["call connectTimeoutMs", { connectTimeoutMs: Number.POSITIVE_INFINITY }],
    ["call retry.maxAttempts", { retry: { maxAttempts: -1 } }],
    ["call readTimeoutMs", { readTimeoutMs: 2 ** 31 }],
    ["call retry", { retry: null }],
  ])("%s is checked", async (path, options) => {
    const started = await fixture.start(() => undefined);
    server = started.server;
    const call = started.client.send(ADD_CROSS_ACCOUNT, {}, options as never);
    await expect(call).rejects.toBeInstanceOf(ConfigurationError);
    await expect(call).rejects.toThrow(`The ${path} option is`);
    expect(server.requests).toHaveLength(0);
  });

  test.each([
    ["an empty string", () => ""],
    ["a line break", () => "nonce\n1"],
    ["a number", () => 42 as unknown as string],
  ])("nonce returning %s", async (_case, nonce) => {
    const error = (await failWith(() => undefined, { nonce })) as ConfigurationError;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("The client nonce option returned");
    expect(server?.requests).toHaveLength(0);
  });

  test("clock returning an invalid date", async () => {
    const error = (await failWith(() => undefined, {
      clock: () => new Date(Number.NaN),
    })) as ConfigurationError;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("clock option returned an invalid Date");
    expect(server?.requests).toHaveLength(0);
  });

  test("options changed after a call are checked again", async () => {
    const started = await fixture.start((_request, response) => sendJson(response, 200, {}), {
      readTimeoutMs: 1000,
    });
    server = started.server;
    await started.client.send(ADD_CROSS_ACCOUNT, {});
    // The client keeps the caller's configuration object, which the caller may still change.
    (started.client.config as { readTimeoutMs?: number }).readTimeoutMs = -5;
    const call = started.client.send(ADD_CROSS_ACCOUNT, {});
    await expect(call).rejects.toThrow("The client readTimeoutMs option is -5");
    expect(server.requests).toHaveLength(1);
  });

  test("valid options pass", async () => {
    const started = await fixture.start((_request, response) => sendJson(response, 200, {}), {
      protocol: "http",
      signatureVersion: "v3",
      userAgent: "app/1.0",
      connectTimeoutMs: 1000,
      readTimeoutMs: 2 ** 31 - 1,
      retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    });
    server = started.server;
    const result = await started.client.send(ADD_CROSS_ACCOUNT, {}, { readTimeoutMs: 500 });
    expect(result.$metadata.httpStatus).toBe(200);
  });
});
