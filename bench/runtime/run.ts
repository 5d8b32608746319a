// Runtime benchmark. It measures requests per second and client CPU time per call for acs-sdk, a
// hand-written signed http.request and the official @alicloud/openapi-client. All three send
// AddCrossAccount to a loopback server in a child process. Then it measures bundle size and cold
// import time. Run from the repository root:
//   node --conditions=@acs-sdk/source --import tsx bench/runtime/run.ts
// It prints the results and writes bench/runtime/RESULTS.md.
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, ACCOUNT_ID } from "./bench-inputs.ts";
import { type BundleSizes, CREATE_REQUIRE_BANNER, measureBundle } from "./bundle-size.ts";
import { measureColdStarts } from "./cold-import.ts";
import type { Contender } from "./contenders.ts";
import { loadContenders } from "./load-contenders.ts";
import { groupPhrases, moduleRows } from "./module-breakdown.ts";
import { removeScratch, scratchDir } from "./scratch.ts";

// `--calls N` shortens a trial run; the recorded results use the default.
const callsFlag = process.argv.indexOf("--calls");
const CALLS = callsFlag === -1 ? 5000 : Number(process.argv[callsFlag + 1]);
const WARMUP_CALLS = 3000;
const CONCURRENCY = 8;
const ROUNDS = 9;
/** Fresh processes per cold-start measurement. */
const COLD_RUNS = 11;

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

/** Formats a size in KB of 1,024 bytes, the unit of every size in RESULTS.md. */
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;

/** Renders the RESULTS.md section on what makes up the AddCrossAccount application's bundle. */
function breakdown(sizes: BundleSizes): string[] {
  const initial = sizes.initialLoad.modules;
  const serializerBytes = [...initial]
    .filter(([path]) => /\/(request-serializer|parameter-style|xml-style)\.ts$/.test(path))
    .reduce((sum, [, bytes]) => sum + bytes, 0);
  const serializerNote =
    serializerBytes === 0
      ? ""
      : ` The full request serializer and its styles (${serializerBytes} bytes) are in the initial load although this application's only operation is query-only.`;
  return [
    "## What the AddCrossAccount application's bundle is made of",
    "",
    `Minified bytes per source module, from esbuild's metafile (before gzip; the initial load is ${kb(sizes.initialLoad.bytes)} minified and ${kb(sizes.initialLoad.gzipBytes)} gzipped, ${sizes.initialLoad.gzipBytes} bytes). Initial load with code splitting: ${groupPhrases(initial).join("; ")}. Chunks loaded by \`import()\`: ${groupPhrases(sizes.lazyChunks.modules).join("; ")}.${serializerNote}`,
    "",
    "### Initial load, by source module",
    "",
    "| module | minified bytes | share |",
    "| --- | ---: | ---: |",
    ...moduleRows(initial),
    "",
    "### Chunks loaded by `import()`, by source module",
    "",
    "| module | minified bytes | share |",
    "| --- | ---: | ---: |",
    ...moduleRows(sizes.lazyChunks.modules),
  ];
}

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
  const baselineRuns = [...results.values()][0] ?? [];
  // The ratio is taken per round, against the baseline run just before, and then the median: the
  // machine's speed drifts between rounds more than between neighbouring runs.
  const summary = [...results].map(([name, runs]) => ({
    name,
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    cpuMicrosPerCall: median(runs.map((run) => run.cpuMicrosPerCall)),
    cpuRatio: median(
      runs.map((run, round) => run.cpuMicrosPerCall / (baselineRuns[round]?.cpuMicrosPerCall ?? 0)),
    ),
  }));

  const app = (name: string) => fileURLToPath(new URL(`./apps/${name}.ts`, import.meta.url));
  const ours = await measureBundle(app("add-cross-account"));
  const runtimeOnly = await measureBundle(app("runtime-only"));
  const official = await measureBundle(app("official-add-cross-account"), CREATE_REQUIRE_BANNER);
  const emptyModule = join(scratchDir("empty"), "empty.mjs");
  writeFileSync(emptyModule, "export {};\n");
  const call = [`http://127.0.0.1:${server.port}`, ACCESS_KEY_ID, ACCESS_KEY_SECRET, ACCOUNT_ID];
  const rows: readonly [label: string, target: string, firstCall: boolean][] = [
    ["empty ES module (the loader's own cost)", emptyModule, false],
    ["AddCrossAccount application, single-file bundle", ours.singleFile.path, true],
    ["AddCrossAccount application, code-split entry", ours.initialLoad.path, true],
    ["official AddCrossAccount application, single-file bundle", official.singleFile.path, true],
    [
      "@alicloud/openapi-client 0.4.15 (require from node_modules)",
      "@alicloud/openapi-client",
      false,
    ],
  ];
  const jobs = rows.flatMap(([, target, firstCall]) => [
    { target, call: [] },
    ...(firstCall ? [{ target, call }] : []),
  ]);
  const medians = measureColdStarts(jobs, COLD_RUNS);
  let next = 0;
  const cold = rows.map(([label, , firstCall]) => {
    const imported = medians[next++];
    return [label, imported, firstCall ? medians[next++] : undefined] as const;
  });
  server.stop();

  const files = (count: number): string => `${count} ${count === 1 ? "file" : "files"}`;
  const bundleRow = (label: string, sizes: BundleSizes): string =>
    `| ${label} | ${kb(sizes.singleFile.gzipBytes)} (${kb(sizes.singleFile.bytes)} min) | ${kb(sizes.initialLoad.gzipBytes)} (${kb(sizes.initialLoad.bytes)} min, ${files(sizes.initialLoad.files)}) | ${sizes.lazyChunks.files === 0 ? "none" : `${kb(sizes.lazyChunks.gzipBytes)} (${files(sizes.lazyChunks.files)})`} |`;
  const ms = (value: number | undefined): string => (value === undefined ? "" : value.toFixed(1));
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
    "The server runs in a child process, so CPU time is the client process's alone. `CPU vs baseline`",
    "is the median over rounds of each round's ratio to that round's baseline run. The machine was",
    "shared with other work, so treat differences under about 10 % as noise.",
    "",
    "| client | requests/s | CPU µs/call | CPU vs baseline |",
    "| --- | ---: | ---: | ---: |",
    ...summary.map(
      (row) =>
        `| ${row.name} | ${row.requestsPerSecond.toFixed(0)} | ${row.cpuMicrosPerCall.toFixed(1)} | ${row.cpuRatio.toFixed(2)}x |`,
    ),
    "",
    "## Bundle size (esbuild 0.28, platform node, ESM, minified, node:* external, gzip -9)",
    "",
    "1 KB is 1,024 bytes.",
    "",
    "| application (bench/runtime/apps/) | single file | initial load with code splitting | chunks loaded by `import()` |",
    "| --- | ---: | ---: | ---: |",
    bundleRow("add-cross-account.ts: AddCrossAccount via @acs-sdk/hbr-client", ours),
    bundleRow("runtime-only.ts: the same call, hand-written descriptor, no validator", runtimeOnly),
    bundleRow(
      "official-add-cross-account.ts: the same call via @alicloud/openapi-client 0.4.15",
      official,
    ),
    "",
    "The acs-sdk client imports these parts with `import()` of a literal path: the option checks",
    "(with the first call), the default credential chain (used when neither `credentials` nor the",
    'AccessKey environment variables are set), the legacy V1 signer (`signatureVersion: "v1"`),',
    "the failure path (error-response parsing, retry decisions, and the error classes and messages",
    "of failed calls, used on the first failure) and the per-call header checks. A single-file",
    "bundle contains all of them and runs without `node_modules`. With code splitting, esbuild",
    "puts the modules that only those imports reach into chunks that load on first use. The",
    "official bundle starts with",
    "a `createRequire` banner, without which its CommonJS dependencies cannot load Node.js",
    "built-ins from an ESM bundle; it adds 0.1 KB.",
    "",
    ...breakdown(ours),
    "",
    `## Cold start (median of ${COLD_RUNS} fresh processes per module, interleaved)`,
    "",
    "`import` is the time from the `import()` call until the module has evaluated; `first call` adds",
    "one AddCrossAccount call with an AccessKey pair against the loopback server (HTTP). The",
    "acs-sdk code loads every Node.js built-in (`node:http`, `node:https`, `node:crypto`, the file",
    "and path modules of the credential providers) on first use, so their loading counts in",
    "`first call`, not in `import`. Process start-up is excluded.",
    "",
    "| module | import ms | first call ms |",
    "| --- | ---: | ---: |",
    ...cold.map(
      ([label, imported, firstCall]) => `| ${label} | ${ms(imported)} | ${ms(firstCall)} |`,
    ),
    "",
  ];
  const report = lines.join("\n");
  console.log(`\n${report}`);
  writeFileSync(new URL("./RESULTS.md", import.meta.url), report);
}

try {
  await main();
} finally {
  removeScratch();
}
