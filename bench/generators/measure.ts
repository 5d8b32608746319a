// Runs a contender in a child process and measures what it wrote.
import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { measureTree } from "@acs-sdk/corpus";
import type { ChildReport } from "./contender-child.ts";
import type { ContenderInput, ContenderName } from "./contenders.ts";

const CHILD = fileURLToPath(new URL("./contender-child.ts", import.meta.url));

/** One run of one contender on one product. */
export interface Measurement {
  /** Time of the generation call inside the child, modules already loaded. */
  readonly generateMs: number;
  /** Wall time of the child process, from spawn to exit. */
  readonly processMs: number;
  readonly maxRssBytes: number;
  readonly files: number;
  readonly bytes: number;
}

/** Runs `name` on `input` in a fresh process (from `cwd`, where tsx resolves). */
export async function measureContender(
  name: ContenderName,
  input: ContenderInput,
  cwd: string,
): Promise<Measurement> {
  const args = [
    "--conditions=@acs-sdk/source",
    "--import",
    "tsx",
    CHILD,
    name,
    input.specsRoot,
    input.product,
    input.version,
    input.outDir,
  ];
  const started = performance.now();
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
      if (error !== null) {
        reject(new Error(`${name} failed on ${input.product}: ${err || error.message}`));
      } else {
        resolve(out);
      }
    });
  });
  const processMs = performance.now() - started;
  const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as ChildReport;
  return { ...report, processMs, ...(await measureTree(input.outDir)) };
}

/** Takes the median of each field over several runs of the same contender and product. */
export function medianMeasurement(runs: readonly Measurement[]): Measurement {
  const median = (pick: (run: Measurement) => number): number => {
    const values = runs.map(pick).sort((left, right) => left - right);
    const middle = Math.floor(values.length / 2);
    return values.length % 2 === 1
      ? (values[middle] as number)
      : ((values[middle - 1] as number) + (values[middle] as number)) / 2;
  };
  return {
    generateMs: median((run) => run.generateMs),
    processMs: median((run) => run.processMs),
    maxRssBytes: median((run) => run.maxRssBytes),
    files: median((run) => run.files),
    bytes: median((run) => run.bytes),
  };
}
