/** Command-line arguments of `pnpm generate`. */
import { GenerateError } from "./generate-error.js";

/** Parsed arguments. */
export interface GenerateArguments {
  readonly products: readonly string[];
  /** `--specs DIR`: the specs root. */
  readonly specsRoot?: string;
  /** `--out DIR`: the packages root. */
  readonly packagesRoot?: string;
}

/** Usage text, printed with argument errors. */
export const USAGE = "Usage: pnpm generate [product ...] [--specs DIR] [--out DIR]";

/** Parses `[product ...] [--specs DIR] [--out DIR]`. */
export function parseArguments(argv: readonly string[]): GenerateArguments {
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
    products,
    ...(specsRoot === undefined ? {} : { specsRoot }),
    ...(packagesRoot === undefined ? {} : { packagesRoot }),
  };
}
