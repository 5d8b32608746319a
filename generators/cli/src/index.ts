/**
 * The `pnpm generate` command as a library, for tests and scripts that regenerate packages into a
 * directory of their choice.
 */
export { type GenerateArguments, HELP, parseArguments, USAGE } from "./args.js";
export { GenerateError, type GenerateErrorCode } from "./generate-error.js";
export {
  formatSummary,
  type GenerateOptions,
  type GenerateOutcome,
  generateProducts,
  type PackageSummary,
} from "./generate-products.js";
