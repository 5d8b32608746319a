// Measures how long a fresh Node.js process takes to import a module, in milliseconds, from the
// import call until the module has evaluated (process start-up excluded).
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";

const PROBE = `
const started = performance.now();
const target = process.argv[1];
if (target.startsWith("file:")) { await import(target); } else { (await import("node:module")).createRequire(process.cwd() + "/")(target); }
process.stdout.write(String(performance.now() - started));
`;

/**
 * Imports `target` (a file path, or a package name loaded with `require` from the working
 * directory) in `runs` fresh processes and returns the median time.
 */
export function measureColdImport(target: string, runs = 7): number {
  const specifier = target.startsWith("/") ? pathToFileURL(target).href : target;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", PROBE, specifier], {
      encoding: "utf8",
    });
    times.push(Number(output));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}
