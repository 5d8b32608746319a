// Writes RESULTS.md from the measurements of one run.
import type { ContenderName } from "./contenders.ts";
import type { CorpusRun } from "./corpus-run.ts";
import type { Measurement } from "./measure.ts";

/** One benchmarked product with the median measurement of each contender. */
export interface ProductResults {
  readonly product: string;
  readonly version: string;
  readonly operations: number;
  readonly contenders: ReadonlyMap<ContenderName, Measurement>;
}

/** Everything RESULTS.md reports. */
export interface BenchReport {
  readonly command: string;
  readonly date: string;
  readonly machine: string;
  readonly rounds: number;
  readonly versions: Readonly<Record<ContenderName, string>>;
  readonly products: readonly ProductResults[];
  readonly corpus: readonly CorpusRun[];
}

const MIB = 1024 * 1024;

function ms(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

function mib(bytes: number): string {
  return (bytes / MIB).toFixed(0);
}

function kib(bytes: number): string {
  return Math.round(bytes / 1024).toLocaleString("en-US");
}

function ratio(value: number, base: number): string {
  return `${(value / base).toFixed(2)}x`;
}

/** Sums of each contender over every product; peak memory is the highest of them. */
function totals(products: readonly ProductResults[], name: ContenderName): Measurement {
  const runs = products.map((product) => product.contenders.get(name) as Measurement);
  const sum = (pick: (run: Measurement) => number) =>
    runs.reduce((total, run) => total + pick(run), 0);
  return {
    generateMs: sum((run) => run.generateMs),
    processMs: sum((run) => run.processMs),
    maxRssBytes: Math.max(...runs.map((run) => run.maxRssBytes)),
    files: sum((run) => run.files),
    bytes: sum((run) => run.bytes),
  };
}

function contenderRow(label: string, name: ContenderName, run: Measurement, base: Measurement) {
  return `| ${label} | ${name} | ${ms(run.generateMs)} | ${ratio(run.generateMs, base.generateMs)} | ${ms(run.processMs)} | ${mib(run.maxRssBytes)} | ${run.files} | ${kib(run.bytes)} |`;
}

function verdict(met: boolean): string {
  return met ? "met" : "missed";
}

function targetLines(report: BenchReport, names: readonly ContenderName[]): string[] {
  const [ours, types, hey] = names.map((name) => totals(report.products, name)) as [
    Measurement,
    Measurement,
    Measurement,
  ];
  const lines = [
    `- Full pipeline within 2x of openapi-typescript alone: ${ratio(ours.generateMs, types.generateMs)} of its generation time (${ratio(ours.processMs, types.processMs)} of its process time): ${verdict(ours.generateMs <= 2 * types.generateMs)}.`,
    `- Faster than hey-api for more output: ${ratio(ours.generateMs, hey.generateMs)} of its generation time for ${ratio(ours.bytes, hey.bytes)} of its output bytes: ${verdict(ours.generateMs < hey.generateMs && ours.bytes > hey.bytes)}.`,
  ];
  const plain = report.corpus.find((run) => !run.typecheck);
  if (plain !== undefined) {
    const fast = plain.wallSeconds < 120;
    const small = plain.peakTotalMb < 1536;
    lines.push(
      `- Whole corpus generated without type checks in under 2 minutes and 1.5 GiB: ${plain.wallSeconds.toFixed(1)} s and ${plain.peakTotalMb} MiB: ${verdict(fast && small)}.`,
    );
  }
  return lines;
}

function corpusSection(runs: readonly CorpusRun[]): string[] {
  if (runs.length === 0) {
    return ["Not measured in this run (`--skip-corpus`)."];
  }
  return [
    "| type check | passed | operations | generated files | generated MiB | command s | wall s | workers | peak MiB, all processes | peak MiB, one worker |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...runs.map(
      (run) =>
        `| ${run.typecheck ? "yes" : "no (`--no-typecheck`)"} | ${run.passed} of ${run.products} | ${run.operations} | ${run.files} | ${run.megabytes} | ${run.seconds.toFixed(1)} | ${run.wallSeconds.toFixed(1)} | ${run.workers} | ${run.peakTotalMb} | ${run.peakWorkerMb} |`,
    ),
  ];
}

/** Formats RESULTS.md. */
export function formatReport(report: BenchReport, names: readonly ContenderName[]): string {
  const [ours, types] = names;
  const productRows = report.products.flatMap((product) => {
    const base = product.contenders.get(types as ContenderName) as Measurement;
    return names.map((name, index) =>
      contenderRow(
        index === 0 ? `${product.product} ${product.version} (${product.operations} ops)` : "",
        name,
        product.contenders.get(name) as Measurement,
        base,
      ),
    );
  });
  const totalBase = totals(report.products, types as ContenderName);
  const totalRows = names.map((name, index) =>
    contenderRow(index === 0 ? "all six" : "", name, totals(report.products, name), totalBase),
  );
  return [
    "# Generator benchmark results",
    "",
    "Command (from the repository root):",
    "",
    "```sh",
    report.command,
    "```",
    "",
    `Date: ${report.date}  `,
    `Machine: ${report.machine}`,
    "",
    "## One converted spec, three generators",
    "",
    "The importer converts HBR and the five products with the most operations from the 2024-06-24",
    "metadata once; every contender then reads the same `openapi.yaml` files. Each run is a fresh",
    `process; the tables give the median of ${report.rounds} runs, interleaved.`,
    "",
    `- ${ours}: the \`pnpm generate\` pipeline: load and validate the spec, generate the types, validators and client packages, write them (scaffold files included).`,
    `- openapi-typescript ${report.versions["openapi-typescript"]}: types only, one file.`,
    `- @hey-api/openapi-ts ${report.versions["hey-api"]}: plugins \`@hey-api/typescript\`, \`@hey-api/sdk\` (with its bundled fetch client) and \`zod\`.`,
    "",
    '"generate ms" times the generation call inside the child process, with its modules already',
    'loaded; "vs o-ts" divides it by openapi-typescript\'s. "process ms" is the child\'s wall time',
    `from spawn to exit. ${ours} runs from its TypeScript sources through tsx, so its process time`,
    'includes compiling them on load; the others run their published JavaScript. "peak MiB" is',
    "the child's maximum resident set size. Output is every file the contender wrote.",
    "",
    "| product | contender | generate ms | vs o-ts | process ms | peak MiB | files | KiB |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...productRows,
    ...totalRows,
    "",
    "## Whole corpus",
    "",
    "`pnpm corpus ../shared/alibaba-api-metadata/2024-06-24` (231 product versions) with and without",
    "`--no-typecheck`: import, generate and (with type checks) type-check every product on two",
    'worker processes. "peak MiB, all processes" is the sampled peak of the summed resident memory',
    "of the command and its workers.",
    "",
    ...corpusSection(report.corpus),
    "",
    "## Targets",
    "",
    ...targetLines(report, names),
    "",
  ].join("\n");
}
