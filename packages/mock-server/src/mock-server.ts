import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { parseJson } from "@acs-sdk/core/protocol";
import { CredentialStore } from "./credential-store.js";
import { MockServerError } from "./errors.js";
import { FaultPlan } from "./faults.js";
import type { MockServer, MockServerOptions } from "./options.js";
import { ReplayGuard } from "./replay-guard.js";
import { handleRequest } from "./request-handler.js";
import type { RequestLogEntry } from "./request-log.js";
import { SpecCatalog } from "./spec-catalog.js";
import { loadServices, type SpecInput } from "./spec-source.js";

/** The gateway accepts signed timestamps up to 15 minutes from its clock. */
const DEFAULT_MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/**
 * Loads the specs, starts an HTTP server that serves their operations like Alibaba Cloud's
 * gateway, and resolves once it listens. Each call makes an independent server with its own
 * log, counters, nonce memory and faults.
 *
 * @throws MockServerError `spec-unusable` when a spec cannot be loaded, `invalid-option` for
 *   missing credentials, `listen-failed` when the address cannot be bound.
 */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const specInputs: readonly SpecInput[] =
    typeof options.spec === "string" || !Array.isArray(options.spec)
      ? [options.spec as SpecInput]
      : options.spec;
  const credentials = new CredentialStore(options.credentials);
  const catalog = new SpecCatalog(await loadServices(specInputs));
  const faults = new FaultPlan(options.faults);
  const replayGuard = new ReplayGuard(options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS);
  const requests: RequestLogEntry[] = [];
  const attempts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();

  const server = createServer((message, response) => {
    void handleRequest(
      {
        catalog,
        credentials,
        replayGuard,
        faults,
        validators: options.validators ?? {},
        rejectUnknownParameters: options.rejectUnknownParameters ?? false,
        parseJson,
        logger: options.logger,
        schedule: (delayMs, callback) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            callback();
          }, delayMs);
          timers.add(timer);
        },
        record: (entry) => {
          requests.push({ ...entry, sequence: requests.length + 1 });
        },
        countAttempt: (action) => {
          attempts.set(action, (attempts.get(action) ?? 0) + 1);
        },
      },
      message,
      response,
    );
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const host = options.host ?? "127.0.0.1";
  const address = await listen(server, host, options.port ?? 0);
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    requests,
    attempts: (action) => attempts.get(action) ?? 0,
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    clearRequests: () => {
      requests.length = 0;
      attempts.clear();
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) {
          clearTimeout(timer);
        }
        timers.clear();
        server.close(() => resolve());
        // Keep-alive connections and requests held by delay faults would keep close() waiting.
        for (const socket of sockets) {
          socket.destroy();
        }
      });
      return closing;
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (cause: Error): void => {
      reject(
        new MockServerError(
          "listen-failed",
          `The mock server cannot listen on ${host}:${port}: ${cause.message}. Pick another port, or 0 for a free one.`,
          { cause },
        ),
      );
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve(server.address() as AddressInfo);
    });
  });
}
