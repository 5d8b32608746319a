import { type ClientConfig, DEFAULT_MAX_ATTEMPTS, type OperationDescriptor } from "@acs-sdk/core";
import { ServiceError, ThrottlingError } from "@acs-sdk/core/errors";
import { describe, expect, test } from "vitest";
import {
  ADD_CROSS_ACCOUNT,
  DESCRIBE_VAULTS,
  type Handler,
  hasValidSignature,
  type LoopbackServer,
  sendJson,
  TEST_CREDENTIAL,
  useClientFixture,
} from "./support/loopback-server.js";

const fixture = useClientFixture();
let server: LoopbackServer | undefined;

const UNAVAILABLE = { Code: "ServiceUnavailable", Message: "busy", RequestId: "req-503" };

/** Responds to each request with the next status in `statuses`, then 200. */
function statusSequence(statuses: number[]): Handler {
  let index = 0;
  return (_request, response) => {
    const status = statuses[index++] ?? 200;
    if (status === 200) {
      sendJson(response, 200, { RequestId: "ok" });
    } else {
      sendJson(response, status, {
        ...UNAVAILABLE,
        Code: status === 501 ? "NotImplemented" : UNAVAILABLE.Code,
      });
    }
  };
}

async function run(
  handler: Handler,
  config: ClientConfig,
  operation: OperationDescriptor = ADD_CROSS_ACCOUNT,
  request: object = {},
): Promise<{ result?: unknown; error?: unknown; requests: number }> {
  const started = await fixture.start(handler, config);
  server = started.server;
  try {
    const result = await started.client.send(operation, request);
    return { result, requests: started.server.requests.length };
  } catch (error) {
    return { error, requests: started.server.requests.length };
  }
}

describe("AcsClient retries", () => {
  test("default is three attempts", async () => {
    const outcome = await run(statusSequence([503, 503, 503, 503]), {
      retry: { sleep: async () => {} },
    });
    expect(DEFAULT_MAX_ATTEMPTS).toBe(3);
    expect(outcome.requests).toBe(3);
    expect((outcome.error as ServiceError).httpStatus).toBe(503);
  });

  test("succeeds after 5xx and reports attempts", async () => {
    const outcome = await run(statusSequence([500, 504]), { retry: { sleep: async () => {} } });
    expect(outcome.requests).toBe(3);
    expect((outcome.result as { $metadata: { attempts: number } }).$metadata.attempts).toBe(3);
  });

  test("501 and 4xx are not retried", async () => {
    expect((await run(statusSequence([501]), { retry: { sleep: async () => {} } })).requests).toBe(
      1,
    );
    expect((await run(statusSequence([400]), { retry: { sleep: async () => {} } })).requests).toBe(
      1,
    );
  });

  test("maxAttempts per client and per call", async () => {
    const fiveAttempts = { retry: { maxAttempts: 5, sleep: async () => {} } };
    expect((await run(statusSequence([503, 503, 503, 503, 503]), fiveAttempts)).requests).toBe(5);
    const { server, client } = await fixture.start(statusSequence([503, 503]), fiveAttempts);
    await expect(
      client.send(ADD_CROSS_ACCOUNT, {}, { retry: { maxAttempts: 1 } }),
    ).rejects.toBeInstanceOf(ServiceError);
    expect(server.requests).toHaveLength(1);
  });

  test("per-call retry merges over the client's", async () => {
    const waits: number[] = [];
    const { server, client } = await fixture.start(statusSequence([503, 503, 503]), {
      retry: { maxAttempts: 5, random: () => 0, sleep: async (ms) => void waits.push(ms) },
    });
    await expect(
      client.send(ADD_CROSS_ACCOUNT, {}, { retry: { maxAttempts: 2 } }),
    ).rejects.toBeInstanceOf(ServiceError);
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([0]);
  });

  test("backoff is full jitter under the exponential ceiling", async () => {
    const waits: number[] = [];
    await run(statusSequence([503, 503, 503, 503, 503]), {
      retry: {
        maxAttempts: 5,
        baseDelayMs: 100,
        maxDelayMs: 500,
        random: () => 0.999,
        sleep: async (ms) => void waits.push(ms),
      },
    });
    expect(waits).toEqual([99, 199, 399, 499]);
  });

  test("backoff lower bound is zero", async () => {
    const waits: number[] = [];
    await run(statusSequence([503, 503]), {
      retry: { random: () => 0, sleep: async (ms) => void waits.push(ms) },
    });
    expect(waits).toEqual([0, 0]);
  });

  test("retry-after above maxDelayMs stops retrying", async () => {
    const waits: number[] = [];
    const outcome = await run(
      (_request, response) =>
        sendJson(
          response,
          429,
          { Code: "Throttling", Message: "later", RequestId: "r" },
          { "x-acs-retry-after": "60000" },
        ),
      { retry: { maxDelayMs: 20_000, sleep: async (ms) => void waits.push(ms) } },
    );
    expect(outcome.error).toBeInstanceOf(ThrottlingError);
    expect((outcome.error as ThrottlingError).retryAfterMs).toBe(60_000);
    expect(outcome.requests).toBe(1);
    expect(waits).toEqual([]);
  });

  test("each attempt is re-signed with retry headers", async () => {
    const outcome = await run(statusSequence([503, 503]), {
      retry: { random: () => 0.5, sleep: async () => {} },
    });
    expect(outcome.requests).toBe(3);
    const requests = server?.requests ?? [];
    const nonces = new Set(requests.map((request) => request.headers["x-acs-signature-nonce"]));
    expect(nonces.size).toBe(3);
    expect(requests[0]?.headers["x-acs-retry-attempts"]).toBeUndefined();
    expect(requests[1]?.headers["x-acs-retry-attempts"]).toBe("1");
    expect(requests[1]?.headers["x-acs-retry-delay"]).toBe("50");
    expect(requests[2]?.headers["x-acs-retry-attempts"]).toBe("2");
    expect(requests[2]?.headers["x-acs-retry-delay"]).toBe("100");
    for (const request of requests.slice(1)) {
      expect(String(request.headers.authorization)).toContain(
        "x-acs-retry-attempts;x-acs-retry-delay",
      );
    }
    for (const request of requests) {
      expect(hasValidSignature(request, TEST_CREDENTIAL.accessKeySecret)).toBe(true);
    }
  });
});

describe("AcsClient idempotency", () => {
  const reset: Handler = (_request, response) => {
    response.socket?.destroy();
  };

  test("write reset after receipt is sent once", async () => {
    const outcome = await run(reset, { retry: { sleep: async () => {} } });
    expect(outcome.error).toMatchObject({
      name: "NetworkError",
      code: "NetworkFailure",
      requestSent: true,
    });
    expect(outcome.requests).toBe(1);
  });

  test("read-only reset is retried", async () => {
    const outcome = await run(reset, { retry: { sleep: async () => {} } }, DESCRIBE_VAULTS);
    expect(outcome.requests).toBe(3);
  });

  test("write with ClientToken reset is retried", async () => {
    const operation: OperationDescriptor = {
      ...ADD_CROSS_ACCOUNT,
      parameters: [...ADD_CROSS_ACCOUNT.parameters, { name: "ClientToken", in: "query" }],
    };
    const outcome = await run(reset, { retry: { sleep: async () => {} } }, operation, {
      ClientToken: "token-1",
    });
    expect(outcome.requests).toBe(3);
    expect(
      server?.requests.every(
        (request) => request.url.searchParams.get("ClientToken") === "token-1",
      ),
    ).toBe(true);
  });
});
