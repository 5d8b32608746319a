// Generator benchmark: the acs-sdk pipeline (types, validators and client) against
// openapi-typescript (types only) and @hey-api/openapi-ts (types, SDK and zod schemas) on the
// same converted specs, then the whole metadata corpus through `pnpm corpus`. Run from the
// repository root:
//   pnpm --filter @acs-sdk/bench-generators bench [--rounds N] [--skip-corpus]
// It prints progress and writes bench/generators/RESULTS.md.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { importSpecs } from "@acs-sdk/importer";
import { CONTENDERS, type ContenderName } from "./contenders.ts";
import { type CorpusRun, runCorpusCommand } from "./corpus-run.ts";
import { type Measurement, measureContender, medianMeasurement } from "./measure.ts";
import { formatReport, type ProductResults } from "./results-report.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const METADATA = join(ROOT, "../shared/alibaba-api-metadata/2024-06-24");
const WORK = join(ROOT, ".tmp/bench-generators");
const RESULTS = fileURLToPath(new URL("./RESULTS.md", import.meta.url));
/** Products benchmarked besides the largest ones. */
const ALWAYS = ["hbr"];
const LARGEST_COUNT = 5;

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    "skip-corpus": { type: "boolean", default: false },
  },
});
const ROUNDS = Number(values.rounds);

interface MetadataEntry {
  readonly product: string;
  readonly version: string;
  readonly path: string;
  readonly operations: number;
}

/** Every product version of the metadata folder with its operation count. */
async function readMetadata(): Promise<MetadataEntry[]> {
  const entries: MetadataEntry[] = [];
  for (const product of (await readdir(METADATA)).sort()) {
    for (const version of (await readdir(join(METADATA, product))).sort()) {
      const path = join(METADATA, product, version, "api-docs.json");
      const docs = JSON.parse(await readFile(path, "utf8")) as { apis?: object };
      entries.push({ product, version, path, operations: Object.keys(docs.apis ?? {}).length });
    }
  }
  return entries;
}

function pickProducts(entries: readonly MetadataEntry[]): MetadataEntry[] {
  const largest = [...entries]
    .sort((left, right) => right.operations - left.operations)
    .slice(0, LARGEST_COUNT);
  const always = entries.filter((entry) => ALWAYS.includes(entry.product));
  return [...always, ...largest.filter((entry) => !always.includes(entry))];
}

function describeMachine(): string {
  const gib = (totalmem() / 1024 ** 3).toFixed(0);
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");
  return `${availableParallelism()} CPUs (nproc), ${cpus()[0]?.model ?? "unknown CPU"}, ${gib} GiB RAM, Node.js ${process.version}, ${process.platform}/${process.arch}; load average at start ${load} (the machine is shared, so differences under about 10 % are noise)`;
}

async function versions(): Promise<Record<ContenderName, string>> {
  const manifest = JSON.parse(
    await readFile(new URL("./package.json", import.meta.url), "utf8"),
  ) as { devDependencies: Record<string, string> };
  return {
    "acs-sdk": "workspace",
    "openapi-typescript": manifest.devDependencies["openapi-typescript"] ?? "?",
    "hey-api": manifest.devDependencies["@hey-api/openapi-ts"] ?? "?",
  };
}

async function benchmarkProduct(specsRoot: string, entry: MetadataEntry): Promise<ProductResults> {
  const runs = new Map<ContenderName, Measurement[]>(CONTENDERS.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    // Rotate the order so that no contender always runs first or last.
    const order = CONTENDERS.map((_, index) => CONTENDERS[(index + round) % CONTENDERS.length]);
    for (const name of order as ContenderName[]) {
      const outDir = join(WORK, "out", name, entry.product);
      await rm(outDir, { recursive: true, force: true });
      const input = { specsRoot, product: entry.product, version: entry.version, outDir };
      await mkdir(outDir, { recursive: true });
      const measurement = await measureContender(name, input, ROOT);
      runs.get(name)?.push(measurement);
      console.log(
        `${entry.product} round ${round + 1} ${name}: ${Math.round(measurement.generateMs)} ms, ${Math.round(measurement.maxRssBytes / 1024 ** 2)} MiB`,
      );
    }
  }
  const contenders = new Map(
    [...runs].map(([name, measured]) => [name, medianMeasurement(measured)] as const),
  );
  return {
    product: entry.product,
    version: entry.version,
    operations: entry.operations,
    contenders,
  };
}

const machine = describeMachine();
const date = new Date().toISOString();
await rm(WORK, { recursive: true, force: true });
const chosen = pickProducts(await readMetadata());
const specsRoot = join(WORK, "specs");
await importSpecs(
  chosen.map((entry) => entry.path),
  { outDir: specsRoot },
);
const products: ProductResults[] = [];
for (const entry of chosen) {
  products.push(await benchmarkProduct(specsRoot, entry));
}
const corpus: CorpusRun[] = [];
if (!values["skip-corpus"]) {
  for (const typecheck of [false, true]) {
    console.log(`pnpm corpus${typecheck ? "" : " --no-typecheck"} …`);
    const run = await runCorpusCommand(ROOT, METADATA, typecheck);
    console.log(`  ${run.passed}/${run.products} passed in ${run.wallSeconds.toFixed(1)} s`);
    corpus.push(run);
  }
}
const report = formatReport(
  {
    command: `pnpm --filter @acs-sdk/bench-generators bench${ROUNDS === 3 ? "" : ` --rounds ${ROUNDS}`}`,
    date,
    machine,
    rounds: ROUNDS,
    versions: await versions(),
    products,
    corpus,
  },
  CONTENDERS,
);
await writeFile(RESULTS, report);
await rm(WORK, { recursive: true, force: true });
console.log(report);
