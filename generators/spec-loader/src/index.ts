/**
 * Loads an Alibaba Cloud OpenAPI spec with its overlays, validates it and hands generators, the
 * mock server and the importer one normalized model. Also home of the naming and TSDoc rules all
 * generators share.
 */
export { checkAcsConventions } from "./acs-validation.js";
export { compareCodeUnits, sortKeysDeep } from "./canonical-order.js";
export {
  createDiagnostic,
  DIAGNOSTIC_CATALOG,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticLocation,
  type DiagnosticParams,
  formatDiagnostic,
  SpecError,
} from "./diagnostics.js";
export {
  GENERATE_COMMAND,
  GENERATED_DIR,
  GENERATED_FILE_HEADER,
  GENERATED_FILE_SUFFIX,
  GENERATED_FORMAT_SETTINGS,
  type GeneratedFile,
  type GeneratedPackage,
  generatedFileHeader,
  type PackageName,
  type PrintableSourceFile,
  type ProductPackages,
  printSourceFiles,
  productPackages,
} from "./generated-output.js";
export {
  camelCase,
  kebabCase,
  NameScope,
  nameOperations,
  type OperationNames,
  objectLiteralKey,
  PROTOTYPE_KEYS,
  pascalCase,
  propertyAccess,
  propertyKey,
  RESERVED_WORDS,
  splitWords,
} from "./identifiers.js";
export { indentSource } from "./indent-source.js";
export { decodePointer, encodePointer, getAtPointer, type PathSegment } from "./json-pointer.js";
export {
  BASE_DOCUMENT_FILE,
  findSpecs,
  type LoadSpecOptions,
  loadSpec,
  OVERLAY_FILE_SUFFIX,
  type SpecLocation,
} from "./load-spec.js";
export type * from "./model.js";
export { applyOverlays } from "./overlay.js";
export { packageScaffold, type ScaffoldOptions } from "./package-scaffold.js";
export { resolveRef, resolveSchema, schemaRefName } from "./refs.js";
export { brokenBound } from "./schema-constraints.js";
export { escapeTsDoc, tsDocText } from "./tsdoc.js";
export { parseYamlSource, readYamlSource, type YamlSource } from "./yaml-source.js";
