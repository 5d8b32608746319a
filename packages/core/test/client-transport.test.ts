import type { AddressInfo } from "node:net";
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import {
  AcsClient,
  type ClientConfig,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_READ_TIMEOUT_MS,
  type Logger,
} from "@acs-sdk/core";
import { NetworkError, RequestAbortedError, TimeoutError } from "@acs-sdk/core/errors";
import { afterEach, describe, expect, test } from "vitest";
import {
  ADD_CROSS_ACCOUNT,
  DESCRIBE_VAULTS,
  HBR_SERVICE,
  type LoopbackServer,
  sendJson,
  startLoopbackServer,
  TEST_STS_CREDENTIAL,
} from "./support/loopback-server.js";

let server: LoopbackServer | undefined;
let client: AcsClient | undefined;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  client?.destroy();
  await server?.close();
  for (const cleanup of cleanups.splice(0)) {
    await cleanup();
  }
  client = undefined;
  server = undefined;
});

const NO_WAIT = { sleep: async () => {} };
const SILENT: Parameters<typeof startLoopbackServer>[0] = () => {
  // Never responds, so the client's read timeout ends the attempt.
};

/** Starts a TCP server that accepts connections and never writes, so TLS never completes. */
async function startSilentTcpServer(): Promise<{
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}> {
  let count = 0;
  const sockets: Socket[] = [];
  const tcp: Server = createTcpServer((socket) => {
    count++;
    sockets.push(socket);
  });
  await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) {
      return;
    }
    closed = true;
    for (const socket of sockets) {
      socket.destroy();
    }
    await new Promise((resolve) => tcp.close(resolve));
  };
  cleanups.push(close);
  return { port: (tcp.address() as AddressInfo).port, connections: () => count, close };
}

async function clientFor(
  handler: Parameters<typeof startLoopbackServer>[0],
  config: ClientConfig = {},
) {
  server = await startLoopbackServer(handler);
  client = new AcsClient(HBR_SERVICE, {
    endpoint: server.url,
    credentials: TEST_STS_CREDENTIAL,
    ...config,
  });
  return { server, client };
}

describe("AcsClient timeouts", () => {
  test("defaults", () => {
    expect(DEFAULT_CONNECT_TIMEOUT_MS).toBe(5000);
    expect(DEFAULT_READ_TIMEOUT_MS).toBe(10_000);
  });

  test("read timeout on a write is not retried", async () => {
    const { server, client } = await clientFor(SILENT, { retry: NO_WAIT });
    const error = await client
      .send(ADD_CROSS_ACCOUNT, {}, { readTimeoutMs: 100 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "ReadTimeout", requestSent: true, timeoutMs: 100 });
    expect((error as TimeoutError).message).toContain("Reading from http://127.0.0.1:");
    expect((error as TimeoutError).message).toContain("for 100 ms");
    expect(server.requests).toHaveLength(1);
  });

  test("read timeout on a read is retried", async () => {
    const { server, client } = await clientFor(SILENT, { retry: NO_WAIT, readTimeoutMs: 100 });
    const error = await client.send(DESCRIBE_VAULTS, {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "ReadTimeout" });
    expect(server.requests).toHaveLength(3);
  });

  test("read timeout resets with each chunk", async () => {
    const { client } = await clientFor((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"RequestId":');
      setTimeout(() => response.write('"slow"'), 60);
      setTimeout(() => response.end("}"), 120);
    });
    const result = await client.send<{ RequestId: string }>(
      DESCRIBE_VAULTS,
      {},
      { readTimeoutMs: 100 },
    );
    expect(result.RequestId).toBe("slow");
  });

  test("read timeout on a stalled body", async () => {
    const { client } = await clientFor(
      (_request, response) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.write('{"RequestId":');
      },
      { retry: NO_WAIT, readTimeoutMs: 100 },
    );
    const error = await client.send(DESCRIBE_VAULTS, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).code).toBe("ReadTimeout");
    expect((error as TimeoutError).message).toContain("during the response body");
  });

  test("connect timeout counts the TLS handshake and is retried", async () => {
    const tcp = await startSilentTcpServer();
    client = new AcsClient(HBR_SERVICE, {
      endpoint: `https://127.0.0.1:${tcp.port}`,
      credentials: TEST_STS_CREDENTIAL,
      connectTimeoutMs: 100,
      retry: NO_WAIT,
    });
    const error = await client.send(ADD_CROSS_ACCOUNT, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "ConnectTimeout", requestSent: false });
    expect(tcp.connections()).toBe(3);
  });

  test("refused connection is retried", async () => {
    const tcp = await startSilentTcpServer();
    const port = tcp.port;
    await tcp.close();
    let attempts = 0;
    client = new AcsClient(HBR_SERVICE, {
      endpoint: `http://127.0.0.1:${port}`,
      credentials: TEST_STS_CREDENTIAL,
      retry: { sleep: async () => void attempts++ },
    });
    const error = await client.send(ADD_CROSS_ACCOUNT, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "NetworkFailure", requestSent: false });
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect(attempts).toBe(2);
  });
});

describe("AcsClient cancellation", () => {
  test("abort during the request", async () => {
    const controller = new AbortController();
    const { server, client } = await clientFor(() => controller.abort(new Error("user cancelled")));
    const error = await client
      .send(DESCRIBE_VAULTS, {}, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as RequestAbortedError).code).toBe("RequestAborted");
    expect(((error as Error).cause as Error).message).toBe("user cancelled");
    expect(server.requests).toHaveLength(1);
  });

  test("abort during the backoff wait", async () => {
    const controller = new AbortController();
    const { server, client } = await clientFor(
      (_request, response) => {
        sendJson(response, 503, { Code: "ServiceUnavailable", Message: "busy", RequestId: "r" });
        setTimeout(() => controller.abort(), 20);
      },
      { retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, random: () => 0.9 } },
    );
    const error = await client
      .send(DESCRIBE_VAULTS, {}, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as Error).message).toContain("DescribeVaults");
    expect(server.requests).toHaveLength(1);
  });

  test("abort during the credential fetch", async () => {
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    // Rejects with the signal's reason, as the session providers do.
    const provider = {
      name: "slow_sts",
      getCredential: (signal?: AbortSignal) =>
        new Promise<never>((_resolve, reject) =>
          signal?.addEventListener("abort", () => reject(signal.reason), { once: true }),
        ),
    };
    const { server, client } = await clientFor(SILENT, { credentials: provider });
    setTimeout(() => controller.abort(reason), 20);
    const error = await client
      .send(DESCRIBE_VAULTS, {}, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).toMatchObject({ code: "RequestAborted", cause: reason });
    expect(server.requests).toHaveLength(0);
  });

  test("aborted signal sends nothing", async () => {
    const { server, client } = await clientFor(SILENT);
    const error = await client
      .send(DESCRIBE_VAULTS, {}, { signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("AcsClient secrets", () => {
  test("logs and errors never contain secrets", async () => {
    const lines: string[] = [];
    const capture =
      (level: string) =>
      (message: string, fields?: Record<string, unknown>): void => {
        lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
      };
    const logger: Logger = {
      debug: capture("debug"),
      info: capture("info"),
      warn: capture("warn"),
      error: capture("error"),
    };
    let answered = 0;
    const { server, client } = await clientFor(
      (request, response) => {
        answered++;
        if (answered === 1) {
          sendJson(response, 503, {
            Code: "ServiceUnavailable",
            Message: "busy",
            RequestId: "r-1",
          });
          return;
        }
        // A careless gateway echoing the token (raw and encoded) and the secret in its message.
        const token = String(request.headers["x-acs-security-token"]);
        sendJson(response, 400, {
          Code: "SignatureDoesNotMatch",
          Message: `Specified signature is not matched with our calculation. server string to sign is:POST&%2F&SecurityToken%3D${encodeURIComponent(encodeURIComponent(token))} ${token} ${TEST_STS_CREDENTIAL.accessKeySecret}`,
          RequestId: "r-2",
          Echo: { Token: token },
        });
      },
      { logger, retry: NO_WAIT },
    );
    const error = (await client
      .send(ADD_CROSS_ACCOUNT, {})
      .catch((caught: unknown) => caught)) as Error & {
      data: unknown;
    };
    expect(server.requests).toHaveLength(2);
    expect(lines.some((line) => line.includes("Retrying request") && line.includes("r-1"))).toBe(
      true,
    );

    const text = [
      ...lines,
      error.message,
      String(error.stack),
      JSON.stringify(error.data),
      JSON.stringify(error),
    ].join("\n");
    expect(text).toContain("[redacted]");
    for (const secret of [TEST_STS_CREDENTIAL.accessKeySecret, TEST_STS_CREDENTIAL.securityToken]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encodeURIComponent(secret));
      expect(text).not.toContain(encodeURIComponent(encodeURIComponent(secret)));
    }
  });
});
