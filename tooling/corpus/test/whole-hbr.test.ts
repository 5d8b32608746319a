/**
 * The whole Cloud Backup API from Alibaba's metadata: imported, generated, type-checked, and every
 * operation called once through the generated client against the mock server, which checks each
 * request with the generated validators and answers with the spec's example.
 */
import { randomBytes } from "node:crypto";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { OperationDescriptor } from "@acs-sdk/core";
import { type MockServer, startMockServer } from "@acs-sdk/mock-server";
import { loadSpec, type SpecModel } from "@acs-sdk/spec-loader";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { REPOSITORY_ROOT, runProductPipeline, TypeChecker } from "../src/index.js";
import { exampleRequest } from "./support/example-request.js";
import { createWorkDir, METADATA_ROOT } from "./support/work-dir.js";

const VERSION = "2017-09-08";
const METADATA = join(METADATA_ROOT, "hbr", VERSION, "api-docs.json");

type OperationFunction = (client: unknown, request: unknown) => Promise<Record<string, unknown>>;

let work: Awaited<ReturnType<typeof createWorkDir>>;
let model: SpecModel;
let server: MockServer;
let clientModule: Record<string, unknown>;
const accessKey = {
  accessKeyId: `LTAI${randomBytes(8).toString("hex")}`,
  accessKeySecret: randomBytes(24).toString("base64url"),
};

/** The generated operation function and descriptor whose action is `name`. */
function findOperation(name: string): { run: OperationFunction; descriptor: OperationDescriptor } {
  for (const [exportName, value] of Object.entries(clientModule)) {
    const descriptor = value as Partial<OperationDescriptor> | undefined;
    if (exportName.endsWith("Operation") && descriptor?.action === name) {
      const run = clientModule[exportName.slice(0, -"Operation".length)];
      if (typeof run === "function") {
        return { run: run as OperationFunction, descriptor: descriptor as OperationDescriptor };
      }
    }
  }
  throw new Error(`The generated client exports no function for ${name}.`);
}

/** The fields of a body that the mock server does not take from the example. */
const REQUEST_ID_KEYS = ["RequestId", "requestId"];

function withoutRequestId(body: unknown): unknown {
  const copy = { ...(body as Record<string, unknown>) };
  for (const key of [...REQUEST_ID_KEYS, "$metadata"]) {
    delete copy[key];
  }
  return copy;
}

beforeAll(async () => {
  work = await createWorkDir("whole-hbr");
  const result = await runProductPipeline(
    {
      metadata: {
        product: "hbr",
        version: VERSION,
        path: METADATA,
        bytes: (await stat(METADATA)).size,
      },
      workDir: work.dir,
      baseConfig: join(REPOSITORY_ROOT, "tooling/tsconfig/base.json"),
    },
    new TypeChecker(),
  );
  expect(result.failure).toBeUndefined();
  expect(result.operations).toBe(80);
  const specDir = join(work.dir, "specs/hbr", VERSION);
  model = await loadSpec(specDir);
  const packageSource = (name: string) =>
    pathToFileURL(join(work.dir, "packages", name, "src/index.ts")).href;
  const validators = await import(packageSource("hbr-validators"));
  clientModule = await import(packageSource("hbr-client"));
  server = await startMockServer({
    spec: specDir,
    credentials: [accessKey],
    validators: validators.requestValidators,
  });
}, 300_000);

afterAll(async () => {
  await server?.close();
  await work?.remove();
});

describe("whole HBR", () => {
  test("every operation answers", async () => {
    const HbrClient = clientModule.HbrClient as new (config: object) => { destroy(): void };
    const client = new HbrClient({
      endpoint: server.url,
      credentials: accessKey,
      retry: { maxAttempts: 1 },
    });
    const failures: string[] = [];
    const filled: string[] = [];
    try {
      for (const operation of model.operations) {
        const { run, descriptor } = findOperation(operation.name);
        const example = exampleRequest(model, operation);
        filled.push(...example.filled.map((name) => `${operation.name}.${name}`));
        try {
          const response = await run(client, example.request);
          const received = server.requests.at(-1);
          if (received?.operation?.name !== operation.name) {
            failures.push(`${operation.name}: the server matched ${received?.operation?.name}`);
          } else if ((response.$metadata as { httpStatus: number }).httpStatus !== 200) {
            failures.push(`${operation.name}: HTTP ${JSON.stringify(response.$metadata)}`);
          } else if (
            !isDeepStrictEqual(
              withoutRequestId(response),
              withoutRequestId(operation.response.example),
            )
          ) {
            failures.push(`${operation.name}: the response differs from the spec's example`);
          } else if (!REQUEST_ID_KEYS.some((key) => response[key] === received.requestId)) {
            failures.push(`${operation.name}: the response lacks the server's request ID`);
          }
          expect(descriptor.action).toBe(operation.action);
        } catch (error) {
          failures.push(`${operation.name}: ${(error as Error).message}`);
        }
      }
    } finally {
      client.destroy();
    }
    expect(failures).toEqual([]);
    expect(server.requests).toHaveLength(80);
    // The only required values without an example: the metadata types both as objects but gives
    // a JSON list as the example, which the importer leaves out.
    expect(filled).toEqual([
      "DeleteBackupClientResource.ClientIds",
      "InstallBackupClients.InstanceIds",
    ]);
  }, 120_000);
});
