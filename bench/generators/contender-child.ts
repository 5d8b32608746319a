// Runs one contender once in its own process and prints one JSON line: the time of the
// generation call (modules already loaded) and the peak resident memory of the process.
//   node --conditions=@acs-sdk/source --import tsx contender-child.ts <name> <specsRoot> <product> <version> <outDir>
import { performance } from "node:perf_hooks";
import { CONTENDERS, type ContenderName, runContender } from "./contenders.ts";

/** The line this process prints on success. */
export interface ChildReport {
  readonly generateMs: number;
  readonly maxRssBytes: number;
}

const [name, specsRoot, product, version, outDir] = process.argv.slice(2);
if (
  !CONTENDERS.includes(name as ContenderName) ||
  specsRoot === undefined ||
  product === undefined ||
  version === undefined ||
  outDir === undefined
) {
  console.error("usage: contender-child.ts <name> <specsRoot> <product> <version> <outDir>");
  process.exit(2);
}
const started = performance.now();
await runContender(name as ContenderName, { specsRoot, product, version, outDir });
const report: ChildReport = {
  generateMs: performance.now() - started,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
};
console.log(JSON.stringify(report));
