/**
 * Converts Alibaba Cloud api-docs metadata into OpenAPI 3.1 specs that follow the `x-acs-*`
 * conventions of specs/README.md.
 */
export { IMPORT_ORIGIN } from "./convert/document.js";
export {
  createDiagnostic,
  DIAGNOSTIC_CODES,
  type Diagnostic,
  type DiagnosticCode,
  DiagnosticCollector,
  type DiagnosticPlace,
  formatDiagnostic,
  ImportError,
  type Severity,
} from "./diagnostics.js";
export {
  type ConvertedSpec,
  convertMetadataText,
  type ImportedSpec,
  type ImportOptions,
  importSpecs,
} from "./import-specs.js";
export { toSpecYaml } from "./output/spec-yaml.js";
export { readSource } from "./source/read-source.js";
