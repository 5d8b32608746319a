// Measures cold start in fresh Node.js processes. The import time runs from the import call until
// the module has evaluated, without process start-up. The first-call time runs until the module's
// first AddCrossAccount call has returned.
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";

/**
 * argv: the module (a file URL, or a package name that `require` loads from the working
 * directory), then for a first call the endpoint, AccessKey ID, secret and account ID, which go
 * to the module's `registerAccount` (see apps/).
 */
const PROBE = `
const started = performance.now();
const [target, ...call] = process.argv.slice(1);
const loaded = target.startsWith("file:")
  ? await import(target)
  : (await import("node:module")).createRequire(process.cwd() + "/")(target);
if (call.length > 0) { await loaded.registerAccount(...call); }
// Exit at once: a client may keep idle keep-alive sockets open.
process.stdout.write(String(performance.now() - started), () => process.exit(0));
`;

function median(target: string, args: readonly string[], runs: number): number {
  const specifier = target.startsWith("/") ? pathToFileURL(target).href : target;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const output = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", PROBE, specifier, ...args],
      { encoding: "utf8" },
    );
    times.push(Number(output));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/**
 * Imports `target` (a file path, or a package name loaded with `require` from the working
 * directory) in `runs` fresh processes and returns the median time in milliseconds.
 */
export function measureColdImport(target: string, runs = 7): number {
  return median(target, [], runs);
}

/**
 * Imports the application bundle `target` and awaits its `registerAccount(endpoint, accessKeyId,
 * accessKeySecret, accountId)` in `runs` fresh processes; returns the median time in
 * milliseconds. Built-in modules a client loads on first use are in this figure.
 */
export function measureFirstCall(target: string, call: readonly string[], runs = 7): number {
  return median(target, call, runs);
}
