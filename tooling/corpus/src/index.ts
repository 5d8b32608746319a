/**
 * The corpus command as a library: runs whole folders of api-docs metadata through import,
 * generation and the type check, and exposes the pieces (one product's chain, the shared type
 * checker) for tests that work on a single product.
 */
export { type CorpusArguments, parseArguments, USAGE } from "./args.js";
export { CorpusError, type CorpusErrorCode } from "./corpus-error.js";
export { findMetadataFiles, METADATA_FILE, type MetadataFile } from "./find-metadata.js";
export {
  type PipelineFailure,
  type PipelinePhase,
  type ProductJob,
  type ProductResult,
  runProductPipeline,
} from "./product-pipeline.js";
export {
  type CorpusTotals,
  ResultTable,
  statusText,
  totalResults,
} from "./result-table.js";
export {
  type CorpusOptions,
  type CorpusReport,
  passed,
  REPOSITORY_ROOT,
  runCorpus,
} from "./run-corpus.js";
export { measureTree, type TreeSize } from "./tree-size.js";
export {
  linkPackages,
  TYPE_CHECK_CONFIG,
  TypeChecker,
  type TypeCheckResult,
  writeTypeCheckConfig,
} from "./type-check.js";
