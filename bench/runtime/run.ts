// Runtime benchmark. It measures requests per second and client CPU time per call for acs-sdk, a
// hand-written signed http.request and the official @alicloud/openapi-client. All three send
// AddCrossAccount to a loopback server in a child process. Then it measures bundle size and cold
// import time. Run from the repository root:
//   node --conditions=@acs-sdk/source --import tsx bench/runtime/run.ts
// It prints the results and writes bench/runtime/RESULTS.md.
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { measureBundle } from "./bundle-size.ts";
import { measureColdImport } from "./cold-import.ts";
import type { Contender } from "./contenders.ts";
import { loadContenders } from "./load-contenders.ts";

// `--calls N` shortens a trial run; the recorded results use the default.
const callsFlag = process.argv.indexOf("--calls");
const CALLS = callsFlag === -1 ? 5000 : Number(process.argv[callsFlag + 1]);
const WARMUP_CALLS = 2000;
const CONCURRENCY = 8;
const ROUNDS = 3;

interface Measurement {
  readonly requestsPerSecond: number;
  readonly cpuMicrosPerCall: number;
}

async function startServer(): Promise<{ port: number; stop: () => void }> {
  const child = fork(fileURLToPath(new URL("./loopback-server.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { port: number }).port));
    child.once("error", reject);
  });
  return { port, stop: () => child.disconnect() };
}

/** Sends `calls` calls, `CONCURRENCY` at a time. */
async function drive(contender: Contender, calls: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < calls) {
      next++;
      await contender.call();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function measure(contender: Contender): Promise<Measurement> {
  await drive(contender, WARMUP_CALLS);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await drive(contender, CALLS);
  const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    requestsPerSecond: CALLS / elapsedSeconds,
    cpuMicrosPerCall: (cpu.user + cpu.system) / CALLS,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;

async function main(): Promise<void> {
  const server = await startServer();
  const { createAcsSdk, createBaseline, createOfficial } = await loadContenders();
  const repositoryRoot = new URL("../../package.json", import.meta.url).href;
  const factories = [
    createBaseline,
    createAcsSdk,
    (port: number) => createOfficial(port, repositoryRoot),
  ];
  const results = new Map<string, Measurement[]>();
  // Rounds interleave the contenders so that load from other processes spreads over all three.
  for (let round = 0; round < ROUNDS; round++) {
    for (const create of factories) {
      const contender = create(server.port);
      const measurement = await measure(contender);
      contender.close();
      results.set(contender.name, [...(results.get(contender.name) ?? []), measurement]);
      console.log(
        `round ${round + 1} ${contender.name}: ${measurement.requestsPerSecond.toFixed(0)} req/s, ${measurement.cpuMicrosPerCall.toFixed(1)} µs CPU/call`,
      );
    }
  }
  server.stop();

  const summary = [...results].map(([name, runs]) => ({
    name,
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    cpuMicrosPerCall: median(runs.map((run) => run.cpuMicrosPerCall)),
  }));
  const baselineCpu = summary[0]?.cpuMicrosPerCall ?? Number.NaN;

  const appEntry = fileURLToPath(new URL("./apps/add-cross-account.ts", import.meta.url));
  const runtimeEntry = fileURLToPath(new URL("./apps/runtime-only.ts", import.meta.url));
  const app = await measureBundle(appEntry);
  const runtimeOnly = await measureBundle(runtimeEntry);
  const coldSingle = measureColdImport(app.singleFile.path);
  const coldSplit = measureColdImport(app.initialLoad.path);
  const coldOfficial = measureColdImport("@alicloud/openapi-client");

  const machine = `${cpus().length} CPUs (nproc), ${cpus()[0]?.model ?? "unknown CPU"}, Node.js ${process.version}, ${process.platform}/${process.arch}`;
  const lines = [
    "# Runtime benchmark results",
    "",
    "Command (from the repository root):",
    "",
    "```sh",
    "node --conditions=@acs-sdk/source --import tsx bench/runtime/run.ts",
    "```",
    "",
    `Date: ${new Date().toISOString()}  `,
    `Machine: ${machine}`,
    "",
    `## AddCrossAccount against a loopback server (${CALLS} calls per round after ${WARMUP_CALLS} warm-up calls, ${CONCURRENCY} in flight, median of ${ROUNDS} interleaved rounds)`,
    "",
    "The server runs in a child process, so CPU time is the client process's alone. The machine was",
    "shared with other work, so treat differences under about 10 % as noise.",
    "",
    "| client | requests/s | CPU µs/call | CPU vs baseline |",
    "| --- | ---: | ---: | ---: |",
    ...summary.map(
      (row) =>
        `| ${row.name} | ${row.requestsPerSecond.toFixed(0)} | ${row.cpuMicrosPerCall.toFixed(1)} | ${(row.cpuMicrosPerCall / baselineCpu).toFixed(2)}x |`,
    ),
    "",
    "## Bundle size (esbuild 0.28, ESM, minified, node:* external, gzip -9)",
    "",
    "| application | single file | initial load with code splitting | lazy chunks |",
    "| --- | ---: | ---: | ---: |",
    `| AddCrossAccount via @acs-sdk/hbr-client (bench/runtime/apps/add-cross-account.ts) | ${kb(app.singleFile.gzipBytes)} (${kb(app.singleFile.bytes)} min) | ${kb(app.initialLoad.gzipBytes)} (${kb(app.initialLoad.bytes)} min, ${app.initialLoad.files} files) | ${kb(app.lazyChunks.gzipBytes)} (${app.lazyChunks.files} files) |`,
    `| runtime with a local descriptor, no validator (bench/runtime/apps/runtime-only.ts) | ${kb(runtimeOnly.singleFile.gzipBytes)} (${kb(runtimeOnly.singleFile.bytes)} min) | ${kb(runtimeOnly.initialLoad.gzipBytes)} (${kb(runtimeOnly.initialLoad.bytes)} min, ${runtimeOnly.initialLoad.files} files) | ${kb(runtimeOnly.lazyChunks.gzipBytes)} (${runtimeOnly.lazyChunks.files} files) |`,
    "",
    "The single file contains the modules the client imports lazily: the default credential chain",
    "(the largest part), the legacy signer, the full serializer, the lossless JSON parser and error",
    "parsing. With code splitting, a call with explicit credentials whose response has no",
    "16-digit number loads only the initial files.",
    "",
    "## Cold import (median of 7 fresh processes, import call to evaluated module)",
    "",
    "| module | ms |",
    "| --- | ---: |",
    `| AddCrossAccount application, single-file bundle | ${coldSingle.toFixed(1)} |`,
    `| AddCrossAccount application, code-split entry | ${coldSplit.toFixed(1)} |`,
    `| @alicloud/openapi-client 0.4.15 (require from node_modules) | ${coldOfficial.toFixed(1)} |`,
    "",
  ];
  const report = lines.join("\n");
  console.log(`\n${report}`);
  writeFileSync(new URL("./RESULTS.md", import.meta.url), report);
}

await main();
