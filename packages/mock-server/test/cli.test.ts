import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, expect, test } from "vitest";
import { HBR_SPEC } from "./fixtures.js";
import { send, signedRequest, TEST_CREDENTIAL } from "./wire-client.js";

const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const CLI = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));
const started: ChildProcess[] = [];

/** Starts the CLI from source, as `pnpm` scripts run TypeScript entry points. */
function startCli(args: readonly string[]): ChildProcess {
  const child = spawn(
    process.execPath,
    ["--conditions=@acs-sdk/source", "--import", "tsx", CLI, ...args],
    { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  started.push(child);
  return child;
}

/** Collects a stream's text as it arrives. */
function collect(stream: NodeJS.ReadableStream | null): { text: string } {
  const output = { text: "" };
  stream?.on("data", (chunk: Buffer) => {
    output.text += chunk.toString();
  });
  return output;
}

afterEach(() => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.pid !== undefined) {
      process.kill(child.pid, "SIGKILL");
    }
  }
});

test.each(["SIGTERM", "SIGINT"] as const)("cli serves requests and stops on %s", async (signal) => {
  const child = startCli([
    "--spec",
    HBR_SPEC,
    "--access-key-id",
    TEST_CREDENTIAL.accessKeyId,
    "--access-key-secret",
    TEST_CREDENTIAL.accessKeySecret,
    "--port",
    "0",
  ]);
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  await expect
    .poll(() => stdout.text, { timeout: 20_000 })
    .toMatch(/^acs-mock-server listening on http:\/\/127\.0\.0\.1:\d+\n$/);
  const port = Number(/:(\d+)\n$/.exec(stdout.text)?.[1]);
  const response = await send({ port }, signedRequest({ port }));
  expect(response.status).toBe(200);
  expect(response.json?.Success).toBe(true);

  process.kill(child.pid as number, signal);
  const [code, exitSignal] = await once(child, "exit");
  expect({ code, exitSignal }).toEqual({ code: 0, exitSignal: null });
  expect(stderr.text).toContain(`acs-mock-server stopped (${signal})`);
});

test("cli without a spec exits with a usage error", async () => {
  const child = startCli(["--access-key-id", "id", "--access-key-secret", "secret"]);
  const stderr = collect(child.stderr);
  const [code] = await once(child, "exit");
  expect(code).toBe(2);
  expect(stderr.text).toContain("--spec is required");
});
