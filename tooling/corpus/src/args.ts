/** Command-line arguments of `pnpm corpus`. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { CorpusError } from "./corpus-error.js";

/** Parsed arguments. */
export interface CorpusArguments {
  /** The metadata folder. */
  readonly root: string;
  readonly typecheck: boolean;
  /** `--jobs N`; the number of cores when absent. */
  readonly jobs?: number;
  readonly only: readonly string[];
  readonly keep: boolean;
}

/** Usage text, printed with argument errors. */
export const USAGE = `Usage: pnpm corpus <folder> [--no-typecheck] [--jobs N] [--only a,b] [--keep]

  <folder>        metadata laid out as <product>/<version>/api-docs.json
  --no-typecheck  import and generate only
  --jobs N        worker processes (default: the number of cores)
  --only a,b      only these products, or product versions written as product/version
  --keep          keep the work folder with each product's spec and packages`;

function invalid(message: string): CorpusError {
  return new CorpusError("invalid-arguments", `${message}\n\n${USAGE}`);
}

const OPTIONS = {
  "no-typecheck": { type: "boolean", default: false },
  keep: { type: "boolean", default: false },
  jobs: { type: "string" },
  only: { type: "string", multiple: true },
} satisfies ParseArgsConfig["options"];

/** Parses `<folder> [--no-typecheck] [--jobs N] [--only a,b] [--keep]`. */
export function parseArguments(argv: readonly string[]): CorpusArguments {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw invalid((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [root, ...extra] = positionals;
  if (root === undefined) {
    throw invalid("Name the metadata folder.");
  }
  if (extra.length > 0) {
    throw invalid(`Name one metadata folder; ${extra.join(", ")} came as well.`);
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) {
      throw invalid(`--jobs takes a whole number of at least 1, not ${values.jobs}.`);
    }
  }
  const only = (values.only ?? []).flatMap((list) => list.split(",").map((name) => name.trim()));
  return {
    root,
    typecheck: !values["no-typecheck"],
    only: only.filter((name) => name !== ""),
    keep: values.keep,
    ...(jobs === undefined ? {} : { jobs }),
  };
}
