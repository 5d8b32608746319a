import { ServiceError, ThrottlingError, TimeoutError } from "@acs-sdk/core/errors";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { ADD_CROSS_ACCOUNT, HBR_SPEC, hbrClient } from "./fixtures.js";
import { send, signedRequest, TEST_CREDENTIAL } from "./wire-client.js";

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ spec: HBR_SPEC, credentials: [TEST_CREDENTIAL] });
});
afterEach(() => {
  server.clearFaults();
  server.clearRequests();
});
afterAll(() => server.close());

const ACTION = "AddCrossAccount";

describe("answering faults", () => {
  test("throttle answers Throttling.User with x-acs-retry-after", async () => {
    server.addFault({ action: ACTION, fault: { kind: "throttle", retryAfterMs: 250 } });
    const response = await send(server, signedRequest(server));
    expect(response.status).toBe(400);
    expect(response.json?.Code).toBe("Throttling.User");
    expect(response.headers["x-acs-retry-after"]).toBe("250");
    expect(server.requests[0]?.verdict).toEqual({ outcome: "fault", fault: "throttle" });
  });

  test("throttle can use 429 and omit the header", async () => {
    server.addFault({ fault: { kind: "throttle", status: 429, retryAfterMs: null } });
    const response = await send(server, signedRequest(server));
    expect(response.status).toBe(429);
    expect(response.headers["x-acs-retry-after"]).toBeUndefined();
  });

  test.each([
    ["unavailable", 503, "ServiceUnavailable"],
    ["internal-error", 500, "InternalError"],
  ] as const)("%s answers %i %s", async (kind, status, code) => {
    server.addFault({ action: ACTION, fault: { kind } });
    const response = await send(server, signedRequest(server));
    expect(response.status).toBe(status);
    expect(response.json?.Code).toBe(code);
  });

  test("html-502 answers a non-JSON body", async () => {
    server.addFault({ fault: { kind: "html-502" } });
    const response = await send(server, signedRequest(server));
    expect(response.status).toBe(502);
    expect(response.headers["content-type"]).toBe("text/html");
    expect(response.json).toBeUndefined();
    expect(response.text).toContain("502 Bad Gateway");
  });

  test("client reads the html 502 as a service error", async () => {
    server.addFault({ fault: { kind: "html-502" } });
    const client = hbrClient(server);
    await expect(client.send(ADD_CROSS_ACCOUNT, {})).rejects.toBeInstanceOf(ServiceError);
    client.destroy();
  });
});

describe("counting", () => {
  test("skip and times pick which attempts fail", async () => {
    server.addFault({ action: ACTION, skip: 1, times: 2, fault: { kind: "unavailable" } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await send(server, signedRequest(server))).status);
    }
    expect(statuses).toEqual([200, 503, 503, 200]);
    expect(server.attempts(ACTION)).toBe(4);
  });

  test("fault for another action leaves this one alone", async () => {
    server.addFault({ action: "DeleteEverything", fault: { kind: "internal-error" } });
    const response = await send(server, signedRequest(server));
    expect(response.status).toBe(200);
  });

  test("client retries throttling until the fault runs out", async () => {
    server.addFault({ action: ACTION, times: 2, fault: { kind: "throttle", retryAfterMs: 5 } });
    const client = hbrClient(server, { retry: { maxAttempts: 3 } });
    const result = await client.send<{ Success: boolean }>(ADD_CROSS_ACCOUNT, {});
    client.destroy();
    expect(result.Success).toBe(true);
    expect(result.$metadata.attempts).toBe(3);
    expect(server.attempts(ACTION)).toBe(3);
    expect(server.requests.map((entry) => entry.verdict.outcome)).toEqual([
      "fault",
      "fault",
      "answered",
    ]);
  });

  test("client gives up after its attempts", async () => {
    server.addFault({ action: ACTION, fault: { kind: "throttle", retryAfterMs: 5 } });
    const client = hbrClient(server, { retry: { maxAttempts: 2 } });
    await expect(client.send(ADD_CROSS_ACCOUNT, {})).rejects.toBeInstanceOf(ThrottlingError);
    client.destroy();
    expect(server.attempts(ACTION)).toBe(2);
  });
});

describe("connection faults", () => {
  test.each(["reset-before-body", "reset-after-body"] as const)(
    "%s drops the connection",
    async (kind) => {
      server.addFault({ action: ACTION, fault: { kind } });
      const request = signedRequest(server, { body: "x=1", contentType: "text/plain" });
      await expect(send(server, request)).rejects.toMatchObject({ code: "ECONNRESET" });
      expect(server.requests[0]?.verdict).toEqual({ outcome: "fault", fault: kind });
      expect(server.requests[0]?.body.toString()).toBe(kind === "reset-after-body" ? "x=1" : "");
    },
  );

  test("delay-headers makes a short read timeout expire", async () => {
    server.addFault({ action: ACTION, times: 1, fault: { kind: "delay-headers", delayMs: 2_000 } });
    const client = hbrClient(server, { readTimeoutMs: 100 });
    await expect(client.send(ADD_CROSS_ACCOUNT, {})).rejects.toBeInstanceOf(TimeoutError);
    client.destroy();
  });

  test("delay-headers also holds a rejection", async () => {
    server.addFault({ action: ACTION, times: 1, fault: { kind: "delay-headers", delayMs: 2_000 } });
    const credentials = { ...TEST_CREDENTIAL, accessKeySecret: "wrong", providerName: "static_ak" };
    const client = hbrClient(server, { readTimeoutMs: 100, credentials });
    await expect(client.send(ADD_CROSS_ACCOUNT, {})).rejects.toBeInstanceOf(TimeoutError);
    client.destroy();
    expect(server.requests[0]?.verdict).toMatchObject({ code: "SignatureDoesNotMatch" });
  });

  test("delay-headers still answers in the end", async () => {
    server.addFault({ action: ACTION, fault: { kind: "delay-headers", delayMs: 50 } });
    const response = await send(server, signedRequest(server));
    expect(response.status).toBe(200);
    expect(response.json?.Success).toBe(true);
  });

  test("stall-body sends the whole body after the pause", async () => {
    server.addFault({ action: ACTION, fault: { kind: "stall-body", delayMs: 50 } });
    const response = await send(server, signedRequest(server));
    expect(response.status).toBe(200);
    expect(response.json?.Success).toBe(true);
  });

  test("stall-body makes a short read timeout expire mid-body", async () => {
    server.addFault({ action: ACTION, times: 1, fault: { kind: "stall-body", delayMs: 2_000 } });
    const client = hbrClient(server, { readTimeoutMs: 100 });
    await expect(client.send(ADD_CROSS_ACCOUNT, {})).rejects.toBeInstanceOf(TimeoutError);
    client.destroy();
  });

  test("close ends requests held by a delay", async () => {
    const held = await startMockServer({
      spec: HBR_SPEC,
      credentials: [TEST_CREDENTIAL],
      faults: [{ fault: { kind: "delay-headers", delayMs: 60_000 } }],
    });
    const pending = send(held, signedRequest(held));
    await expect.poll(() => held.requests.length).toBe(1);
    await held.close();
    await expect(pending).rejects.toMatchObject({ code: "ECONNRESET" });
  });
});
