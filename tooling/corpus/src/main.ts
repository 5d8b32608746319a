/**
 * `pnpm corpus <folder> [--no-typecheck] [--jobs N] [--only a,b] [--keep]`: imports, generates
 * and type-checks every product version under a metadata folder. Prints a table row per product
 * as it finishes, then totals; the details of each failure go to stderr. Exit code 0 when every
 * product passed, 1 when one failed, 2 for bad usage.
 */
import { resolve } from "node:path";
import { parseArguments } from "./args.js";
import { CorpusError } from "./corpus-error.js";
import { ResultTable, totalResults } from "./result-table.js";
import { type CorpusReport, runCorpus } from "./run-corpus.js";

const MIB = 1024 * 1024;

function printTotals(report: CorpusReport, typecheck: boolean): void {
  const totals = totalResults(report.results);
  const megabytes = (bytes: number) => `${Math.round(bytes / MIB)} MiB`;
  console.log(
    `\n${totals.passed} of ${totals.products} product versions passed` +
      ` (${typecheck ? "imported, generated and type-checked" : "imported and generated"}),` +
      ` ${totals.operations} operations, ${totals.warnings} import warnings.`,
  );
  console.log(
    `Generated ${totals.generatedFiles} files, ${megabytes(totals.generatedBytes)},` +
      ` in ${(report.milliseconds / 1000).toFixed(1)} s with ${report.workers} worker process(es).`,
  );
  const total = report.peakTotalBytes === 0 ? "not sampled" : megabytes(report.peakTotalBytes);
  console.log(
    `Peak memory: ${total} for the command and its workers together,` +
      ` ${megabytes(report.peakWorkerBytes)} for one worker.`,
  );
  if (report.workDir !== "" && report.results.length > 0) {
    console.log(`Work folder: ${report.workDir}`);
  }
}

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  // pnpm runs scripts from the workspace root and keeps the caller's folder in INIT_CWD.
  const root = resolve(process.env.INIT_CWD ?? process.cwd(), args.root);
  let table: ResultTable | undefined;
  const report = await runCorpus({
    root,
    typecheck: args.typecheck,
    only: args.only,
    keep: args.keep,
    ...(args.jobs === undefined ? {} : { jobs: args.jobs }),
    onStart: (files) => {
      table = new ResultTable(files);
      console.log(table.header());
    },
    onResult: (result) => {
      console.log(table?.row(result));
    },
  });
  printTotals({ ...report, workDir: args.keep ? report.workDir : "" }, args.typecheck);
  const failed = report.results.filter((result) => result.failure !== undefined);
  for (const result of failed) {
    console.error(
      `\n${result.product}/${result.version} failed in ${result.failure?.phase}:\n${result.failure?.message}`,
    );
  }
  return failed.length === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof CorpusError) {
    console.error(`[${error.code}] ${error.message}`);
    process.exitCode = error.code === "invalid-arguments" ? 2 : 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
