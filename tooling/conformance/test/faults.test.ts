/**
 * Retries and failures against faults the mock server injects. The server counts attempts. Waits
 * go through an injected `sleep` that records the delay and returns at once, and the jitter
 * through an injected `random`. So nothing here depends on timing except the read timeouts,
 * which only need the server to be slower than the client's limit.
 *
 * The rule under test: throttling, 5xx answers other than 501 and connection failures before
 * anything was sent are retried for every operation; read timeouts and resets after the request
 * was sent are retried only for read operations and requests with a `ClientToken`.
 */
import { createServer } from "node:net";
import type { AcsClient, ClientConfig, RetryOptions } from "@acs-sdk/core";
import { NetworkError, ServiceError, ThrottlingError, TimeoutError } from "@acs-sdk/core/errors";
import { HbrClient } from "@acs-sdk/hbr-client";
import { requestValidators } from "@acs-sdk/hbr-validators";
import { type Fault, type MockServer, startMockServer } from "@acs-sdk/mock-server";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { AK, AK_CREDENTIAL, HBR_SPEC, recordingLogger } from "./support/fixtures.js";
import {
  CREATE_RECORD,
  DESCRIBE_RECORDS,
  RECORDS_SPEC,
  recordsClient,
} from "./support/records-product.js";

let server: MockServer;
const clients: AcsClient[] = [];

beforeAll(async () => {
  server = await startMockServer({
    spec: [HBR_SPEC, RECORDS_SPEC],
    credentials: [AK],
    validators: requestValidators,
  });
});
afterEach(() => {
  server.clearFaults();
  server.clearRequests();
  for (const client of clients.splice(0)) {
    client.destroy();
  }
});
afterAll(() => server.close());

/** Delays the client requested between attempts, in order. */
interface RecordedSleeps {
  readonly delays: number[];
  readonly retry: RetryOptions;
}

function recordedSleeps(retry: RetryOptions = {}): RecordedSleeps {
  const delays: number[] = [];
  return {
    delays,
    retry: {
      maxAttempts: 3,
      ...retry,
      sleep: async (ms) => {
        delays.push(ms);
      },
    },
  };
}

function records(config: Partial<ClientConfig> = {}): AcsClient {
  const client = recordsClient({ endpoint: server.url, credentials: AK_CREDENTIAL, ...config });
  clients.push(client);
  return client;
}

function hbr(config: Partial<ClientConfig> = {}): HbrClient {
  const client = new HbrClient({ endpoint: server.url, credentials: AK_CREDENTIAL, ...config });
  clients.push(client);
  return client;
}

/** Calls HBR AddCrossAccount, a write without a ClientToken. */
function addCrossAccount(client: HbrClient) {
  return client.addCrossAccount({ Alias: "faults", CrossAccountUserId: 1589753000000625 });
}

function fault(action: string, value: Fault, times?: number): void {
  server.addFault({ action, fault: value, ...(times === undefined ? {} : { times }) });
}

/** Settles `promise` and returns its rejection, failing when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the call succeeded"),
    (error: unknown) => error,
  );
}

describe("throttling", () => {
  test("honours x-acs-retry-after, also for writes", async () => {
    fault("AddCrossAccount", { kind: "throttle", retryAfterMs: 70 }, 2);
    const sleeps = recordedSleeps();
    const logger = recordingLogger();
    const result = await addCrossAccount(hbr({ retry: sleeps.retry, logger }));
    expect(result.Success).toBe(true);
    expect(result.$metadata.attempts).toBe(3);
    expect(server.attempts("AddCrossAccount")).toBe(3);
    expect(sleeps.delays).toEqual([70, 70]);
    expect(logger.records.map((record) => record.fields?.delayMs)).toEqual([70, 70]);
    // Retries carry the official runtime's signed retry headers and a fresh nonce.
    const headers = server.requests.map((entry) => entry.headers);
    expect(headers.map((h) => h["x-acs-retry-attempts"])).toEqual([undefined, "1", "2"]);
    expect(headers.map((h) => h["x-acs-retry-delay"])).toEqual([undefined, "70", "70"]);
    expect(new Set(headers.map((h) => h["x-acs-signature-nonce"])).size).toBe(3);
    expect(headers[2]?.authorization).toContain("x-acs-retry-attempts;x-acs-retry-delay");
  });

  test("stops when retry-after exceeds maxDelayMs", async () => {
    fault("DescribeRecords", { kind: "throttle", status: 429, retryAfterMs: 60_000 });
    const sleeps = recordedSleeps({ maxDelayMs: 20_000 });
    const error = await rejectionOf(records({ retry: sleeps.retry }).send(DESCRIBE_RECORDS, {}));
    expect(error).toBeInstanceOf(ThrottlingError);
    expect(error).toMatchObject({ code: "Throttling.User", httpStatus: 429, retryAfterMs: 60_000 });
    expect(server.attempts("DescribeRecords")).toBe(1);
    expect(sleeps.delays).toEqual([]);
  });

  test("without retry-after, backs off with jitter", async () => {
    fault("DescribeRecords", { kind: "throttle", retryAfterMs: null }, 2);
    const sleeps = recordedSleeps({ random: () => 0.5, baseDelayMs: 100 });
    await records({ retry: sleeps.retry }).send(DESCRIBE_RECORDS, {});
    expect(sleeps.delays).toEqual([50, 100]);
  });
});

describe("backoff", () => {
  test.each([0, 0.3, 0.999_999])("stays within its ceiling for random %s", async (random) => {
    fault("DescribeRecords", { kind: "unavailable" }, 5);
    const sleeps = recordedSleeps({
      maxAttempts: 6,
      baseDelayMs: 100,
      maxDelayMs: 250,
      random: () => random,
    });
    await records({ retry: sleeps.retry }).send(DESCRIBE_RECORDS, {});
    expect(server.attempts("DescribeRecords")).toBe(6);
    const ceilings = [100, 200, 250, 250, 250];
    expect(sleeps.delays).toHaveLength(ceilings.length);
    sleeps.delays.forEach((delay, index) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceilings[index] as number);
      expect(delay).toBe(Math.floor(random * (ceilings[index] as number)));
    });
    const sentDelays = server.requests.slice(1).map((entry) => entry.headers["x-acs-retry-delay"]);
    expect(sentDelays).toEqual(sleeps.delays.map(String));
  });
});

describe("5xx answers", () => {
  test("503 is retried, also for writes, until attempts run out", async () => {
    fault("AddCrossAccount", { kind: "unavailable" });
    const sleeps = recordedSleeps();
    const error = await rejectionOf(addCrossAccount(hbr({ retry: sleeps.retry })));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: "ServiceUnavailable", httpStatus: 503 });
    expect(server.attempts("AddCrossAccount")).toBe(3);
    expect(sleeps.delays).toHaveLength(2);
  });

  test("500 is retried for reads", async () => {
    fault("DescribeRecords", { kind: "internal-error" }, 1);
    const result = await records({ retry: recordedSleeps().retry }).send<{ Success: boolean }>(
      DESCRIBE_RECORDS,
      {},
    );
    expect(result.Success).toBe(true);
    expect(server.attempts("DescribeRecords")).toBe(2);
  });

  test("500 is retried for a write without ClientToken", async () => {
    // A 5xx is a definite failure response from the service, so resending is safe (AWS SDK v3 retries it too).
    fault("AddCrossAccount", { kind: "internal-error" }, 1);
    const sleeps = recordedSleeps();
    const result = await addCrossAccount(hbr({ retry: sleeps.retry }));
    expect(result.Success).toBe(true);
    expect(result.$metadata.attempts).toBe(2);
    expect(server.attempts("AddCrossAccount")).toBe(2);
    expect(sleeps.delays).toHaveLength(1);
  });

  test("HTML 502 becomes a typed error and is retried for reads", async () => {
    fault("DescribeRecords", { kind: "html-502" });
    const error = await rejectionOf(
      records({ retry: recordedSleeps({ maxAttempts: 2 }).retry }).send(DESCRIBE_RECORDS, {}),
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: "NonJsonResponse", httpStatus: 502 });
    expect((error as Error).message).toContain("text/html");
    expect(server.attempts("DescribeRecords")).toBe(2);
  });
});

/** Faults that drop the connection after the server received the request head or body. */
const RESETS = ["reset-before-body", "reset-after-body"] as const;

describe("connection failures", () => {
  test.each(RESETS)("%s: a write without ClientToken is sent once", async (kind) => {
    fault("AddCrossAccount", { kind }, 1);
    const error = await rejectionOf(addCrossAccount(hbr({ retry: recordedSleeps().retry })));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "NetworkFailure", requestSent: true });
    expect(server.attempts("AddCrossAccount")).toBe(1);
  });

  test.each(RESETS)("%s: a read is retried", async (kind) => {
    fault("DescribeRecords", { kind }, 1);
    const result = await records({ retry: recordedSleeps().retry }).send<{ Success: boolean }>(
      DESCRIBE_RECORDS,
      { Text: "x" },
    );
    expect(result.Success).toBe(true);
    expect(server.attempts("DescribeRecords")).toBe(2);
  });

  test.each(RESETS)("%s: a write with ClientToken is retried", async (kind) => {
    fault("CreateRecord", { kind }, 1);
    const result = await records({ retry: recordedSleeps().retry }).send<{ Success: boolean }>(
      CREATE_RECORD,
      { Name: "r", ClientToken: "6b1f6f0c-token" },
    );
    expect(result.Success).toBe(true);
    expect(server.attempts("CreateRecord")).toBe(2);
    const tokens = server.requests.map((entry) => entry.parameters?.ClientToken);
    expect(tokens.at(-1)).toBe("6b1f6f0c-token");
  });

  test("refused connection is retried for writes: nothing was sent", async () => {
    const port = await closedPort();
    const sleeps = recordedSleeps();
    const client = new HbrClient({
      endpoint: `http://127.0.0.1:${port}`,
      credentials: AK_CREDENTIAL,
      retry: sleeps.retry,
    });
    clients.push(client);
    const error = await rejectionOf(addCrossAccount(client));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ requestSent: false });
    expect(sleeps.delays).toHaveLength(2);
  });
});

/** Faults that keep response bytes from arriving for longer than the read timeout. */
const SLOW_ANSWERS = [
  ["delay-headers", { kind: "delay-headers", delayMs: 5_000 }],
  ["stall-body", { kind: "stall-body", delayMs: 5_000 }],
] as const;

describe("read timeout", () => {
  const slow = { readTimeoutMs: 150 };

  test.each(SLOW_ANSWERS)("%s: a write without ClientToken is sent once", async (_name, value) => {
    fault("AddCrossAccount", value, 1);
    const error = await rejectionOf(
      addCrossAccount(hbr({ ...slow, retry: recordedSleeps().retry })),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "ReadTimeout", requestSent: true, timeoutMs: 150 });
    expect(server.attempts("AddCrossAccount")).toBe(1);
  });

  test.each(SLOW_ANSWERS)("%s: a read is retried", async (_name, value) => {
    fault("DescribeRecords", value, 1);
    const result = await records({ ...slow, retry: recordedSleeps().retry }).send<{
      Success: boolean;
    }>(DESCRIBE_RECORDS, {});
    expect(result.Success).toBe(true);
    expect(server.attempts("DescribeRecords")).toBe(2);
  });

  test("per-call readTimeoutMs wins over the client's", async () => {
    fault("CreateRecord", { kind: "delay-headers", delayMs: 5_000 }, 1);
    const client = records({ readTimeoutMs: 60_000, retry: recordedSleeps().retry });
    const result = await client.send<{ Success: boolean }>(
      CREATE_RECORD,
      { Name: "r", ClientToken: "token-2" },
      { readTimeoutMs: 150 },
    );
    expect(result.Success).toBe(true);
    expect(server.attempts("CreateRecord")).toBe(2);
  });
});

/** A port on 127.0.0.1 that nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") {
    throw new Error("no port assigned");
  }
  return address.port;
}
