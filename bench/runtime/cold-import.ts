// Measures cold start in fresh Node.js processes. The import time runs from the import call until
// the module has evaluated, without process start-up. The first-call time runs until the module's
// first AddCrossAccount call has returned.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { scratchDir } from "./scratch.ts";

/**
 * argv: the module (a file URL, or a package name that `require` loads from the working
 * directory), then for a first call the endpoint, AccessKey ID, secret and account ID, which go
 * to the module's `registerAccount` (see apps/).
 */
const PROBE = `
const started = performance.now();
const [target, ...call] = process.argv.slice(2);
const loaded = target.startsWith("file:")
  ? await import(target)
  : (await import("node:module")).createRequire(process.cwd() + "/")(target);
if (call.length > 0) { await loaded.registerAccount(...call); }
// Exit at once: a client may keep idle keep-alive sockets open.
process.stdout.write(String(performance.now() - started), () => process.exit(0));
`;

let probeFile: string | undefined;

/**
 * Writes {@link PROBE} to a module file once. An application starts from a file, and loading it
 * sets up Node.js's ES module loader. Under `node -e`, the first `import()` would pay for that
 * set-up, which would add to every contender's time.
 */
function probe(): string {
  if (probeFile === undefined) {
    probeFile = join(scratchDir("cold"), "probe.mjs");
    writeFileSync(probeFile, PROBE);
  }
  return probeFile;
}

/** Runs the probe once on `target` and returns the milliseconds it measured. */
function probeOnce(target: string, args: readonly string[]): number {
  const specifier = target.startsWith("/") ? pathToFileURL(target).href : target;
  const output = execFileSync(process.execPath, [probe(), specifier, ...args], {
    encoding: "utf8",
  });
  return Number(output);
}

/** One cold-start measurement: a module, and for a first call the arguments of the call. */
export interface ColdStartJob {
  /** A file path, or a package name loaded with `require` from the working directory. */
  readonly target: string;
  /**
   * Endpoint, AccessKey ID, secret and account ID for the module's `registerAccount`; empty to
   * time the import alone. Built-in modules a client loads on first use count in this figure.
   */
  readonly call: readonly string[];
}

/**
 * Measures every job in `runs` fresh processes each and returns the median milliseconds per job,
 * in order. The runs interleave the jobs, so that load from other processes spreads over all.
 */
export function measureColdStarts(jobs: readonly ColdStartJob[], runs = 11): number[] {
  const times = jobs.map((): number[] => []);
  for (let run = 0; run < runs; run++) {
    jobs.forEach((job, index) => {
      times[index]?.push(probeOnce(job.target, job.call));
    });
  }
  return times.map((values) => {
    values.sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] as number;
  });
}
