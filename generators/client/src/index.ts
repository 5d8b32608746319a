/**
 * Generator of a product's client package: a service descriptor, one function and descriptor per
 * operation, and a client class with one method per operation.
 */
export { ACS_CLIENT_MEMBERS, type ClientNames, nameClientExports } from "./client-names.js";
export {
  CLIENT_GENERATOR,
  CLIENT_INDEX_FILE,
  generateClientPackage,
} from "./generate-client-package.js";
