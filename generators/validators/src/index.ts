/**
 * Generator of a product's validators package: one request and one response validator per
 * operation, plain code with no runtime dependency, and a map of request validators by name.
 */
export {
  generateValidatorsPackage,
  VALIDATORS_GENERATOR,
} from "./generate-validators-package.js";
export { VALIDATOR_FILES } from "./validator-files.js";
