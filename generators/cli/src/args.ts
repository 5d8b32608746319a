/** Command-line arguments of `pnpm generate`. */
import { GenerateError } from "./generate-error.js";

/** Parsed arguments. */
export interface GenerateArguments {
  /** `--help` or `-h`: print {@link HELP} and generate nothing. */
  readonly help: boolean;
  /** Products to regenerate; empty means every product under the specs root. */
  readonly products: readonly string[];
  /** `--specs DIR`: the specs root. */
  readonly specsRoot?: string;
  /** `--out DIR`: the packages root. */
  readonly packagesRoot?: string;
}

/** Usage line, printed with argument errors. */
export const USAGE = "Usage: pnpm generate [product ...] [--specs DIR] [--out DIR]";

/** Usage line plus a description of each argument, printed for `--help`. */
export const HELP = `${USAGE}

Regenerates the types, validators and client packages of each product under the specs root.

  product        product folder name under the specs root (such as hbr); default: every product
  --specs DIR    specs root; default: specs/ of the repository
  --out DIR      packages root; default: packages/ of the repository
  -h, --help     print this help and exit

--specs and --out are accepted by \`pnpm generate:direct\` only, because the turbo cache behind
\`pnpm generate\` tracks the default folders.`;

/** Parses `[product ...] [--specs DIR] [--out DIR]` or `--help`, which wins over the others. */
export function parseArguments(argv: readonly string[]): GenerateArguments {
  if (argv.includes("--help") || argv.includes("-h")) {
    return { help: true, products: [] };
  }
  const products: string[] = [];
  let specsRoot: string | undefined;
  let packagesRoot: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] as string;
    if (argument === "--specs" || argument === "--out") {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith("--")) {
        throw new GenerateError("invalid-arguments", `${argument} needs a directory. ${USAGE}`);
      }
      if (argument === "--specs") {
        specsRoot = value;
      } else {
        packagesRoot = value;
      }
      index += 1;
    } else if (argument.startsWith("-")) {
      throw new GenerateError("invalid-arguments", `Unknown option ${argument}. ${USAGE}`);
    } else {
      products.push(argument);
    }
  }
  return {
    help: false,
    products,
    ...(specsRoot === undefined ? {} : { specsRoot }),
    ...(packagesRoot === undefined ? {} : { packagesRoot }),
  };
}
