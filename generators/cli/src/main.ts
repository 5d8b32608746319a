/**
 * `pnpm generate:direct [product ...] [--specs DIR] [--out DIR] [--help]`: regenerates the packages of
 * every product under specs/ (or the named ones). Prints one summary line per package on stdout
 * and, on spec problems, every diagnostic on stderr with a non-zero exit code. `pnpm generate
 * [product ...]` runs it through turbo, which replays the lines of a cached run.
 */
import { fileURLToPath } from "node:url";
import { formatDiagnostic } from "@acs-sdk/spec-loader";
import { HELP, parseArguments } from "./args.js";
import { GenerateError } from "./generate-error.js";
import { formatSummary, generateProducts } from "./generate-products.js";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Set by `pnpm generate`, which runs this command through turbo: its cache tracks specs/ and the
 * packages/ outputs only, so a cached run with other folders would skip the generation.
 */
const CACHED_RUN_VARIABLE = "ACS_SDK_GENERATE_CACHED";

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  if (
    process.env[CACHED_RUN_VARIABLE] === "1" &&
    (args.specsRoot !== undefined || args.packagesRoot !== undefined)
  ) {
    throw new GenerateError(
      "invalid-arguments",
      "--specs and --out name folders that the cache of `pnpm generate` does not track; pass them to `pnpm generate:direct` instead.",
    );
  }
  const outcome = await generateProducts({
    specsRoot: args.specsRoot ?? `${repositoryRoot}specs`,
    packagesRoot: args.packagesRoot ?? `${repositoryRoot}packages`,
    products: args.products,
  });
  if (!outcome.ok) {
    for (const diagnostic of outcome.diagnostics) {
      console.error(formatDiagnostic(diagnostic));
    }
    console.error(
      `${outcome.diagnostics.length} problem(s) found; nothing was written, generated files are unchanged.`,
    );
    return 1;
  }
  for (const summary of outcome.packages) {
    console.log(formatSummary(summary));
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof GenerateError) {
    console.error(`[${error.code}] ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
