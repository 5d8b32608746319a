/**
 * State shared by the converters of one document: the metadata, the diagnostics, the component
 * names and the operation being converted.
 */
import type { DiagnosticCode, DiagnosticCollector } from "../diagnostics.js";
import type { ApiDocs } from "../metadata/api-docs.js";

/** The prefix of every schema reference, in the metadata and in the output alike. */
export const SCHEMA_REF_PREFIX = "#/components/schemas/";

/** Conversion state for one api-docs document. */
export class ConversionContext {
  /** The operation being converted, named in every diagnostic reported meanwhile. */
  operation: string | undefined;

  /**
   * @param componentNames - metadata component name → output component name. They differ only
   *   when a metadata name is not a valid OpenAPI component name.
   */
  constructor(
    readonly docs: ApiDocs,
    readonly diagnostics: DiagnosticCollector,
    readonly componentNames: ReadonlyMap<string, string>,
  ) {}

  /** Reports a diagnostic at `pointer` in the metadata, inside the current operation. */
  report(code: DiagnosticCode, pointer: string, message: string): void {
    this.diagnostics.report(code, pointer, message, this.operation);
  }

  /** Notes a documentation-only `key` at `pointer` that the output does not carry. */
  dropDocumentation(key: string, pointer: string): void {
    // The message names only the key, so that the collector aggregates all of its occurrences.
    this.diagnostics.report("documentation-only", pointer, `\`${key}\` is not carried`);
  }
}
