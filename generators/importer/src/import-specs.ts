/**
 * The import pipeline: read metadata (file or URL), convert it, check the overlays kept beside
 * the target, and write every spec atomically. Nothing is written unless every source converts.
 */
import { dirname } from "node:path";
import { convertApiDocs, IMPORT_ORIGIN } from "./convert/document.js";
import { type Diagnostic, DiagnosticCollector, ImportError } from "./diagnostics.js";
import { readApiDocs } from "./metadata/api-docs.js";
import { checkOverlays } from "./output/overlay-check.js";
import { toSpecYaml } from "./output/spec-yaml.js";
import { listOverlays, SpecStaging, specPath, type WrittenSpec } from "./output/write-specs.js";
import { readSource } from "./source/read-source.js";

/** One converted document, not yet written. */
export interface ConvertedSpec {
  /** The metadata file or URL. */
  readonly source: string;
  /** Lower-case product code (`hbr`). */
  readonly product: string;
  readonly version: string;
  readonly operationCount: number;
  readonly document: Record<string, unknown>;
  /** The document as it is written to openapi.yaml. */
  readonly yaml: string;
  /** Warnings and aggregated notes; errors are thrown instead. */
  readonly diagnostics: readonly Diagnostic[];
}

/** An imported document: the facts of its conversion and where it was written. */
export interface ImportedSpec {
  readonly source: string;
  readonly product: string;
  readonly version: string;
  readonly operationCount: number;
  /** Warnings and aggregated notes, overlay checks included. */
  readonly diagnostics: readonly Diagnostic[];
  readonly path: string;
  /** Overlay files beside the written spec; they are kept and still apply. */
  readonly overlays: readonly string[];
}

/** Options of {@link importSpecs}. */
export interface ImportOptions {
  /** The specs root; documents go to `<outDir>/<product>/<version>/openapi.yaml`. */
  readonly outDir: string;
  /** Replace an existing openapi.yaml that the importer did not write. */
  readonly force?: boolean;
}

/**
 * Converts api-docs JSON text to an OpenAPI document. `source` names the text in diagnostics.
 * Throws an {@link ImportError} for text that is not usable metadata.
 */
export function convertMetadataText(source: string, text: string): ConvertedSpec {
  const docs = readApiDocs(source, text);
  const collector = new DiagnosticCollector(source);
  const converted = convertApiDocs(docs, collector);
  return {
    source,
    product: converted.product,
    version: converted.version,
    operationCount: converted.operationCount,
    document: converted.document,
    yaml: toSpecYaml(converted.document),
    diagnostics: collector.list(),
  };
}

/**
 * Imports every source (file path or http/https URL). Each document is staged as soon as it is
 * converted, so a large batch does not stay in memory; the staged files are renamed into place
 * only when every source converted. Otherwise throws an {@link ImportError} with every error and
 * writes nothing.
 */
export async function importSpecs(
  sources: readonly string[],
  options: ImportOptions,
): Promise<ImportedSpec[]> {
  const staging = new SpecStaging(options.outDir, {
    origin: IMPORT_ORIGIN,
    ...(options.force === undefined ? {} : { force: options.force }),
  });
  try {
    const errors: Diagnostic[] = [];
    const converted: Omit<ImportedSpec, "path" | "overlays">[] = [];
    const sourceByOutput = new Map<string, string>();
    for (const source of sources) {
      let spec: ConvertedSpec;
      try {
        spec = convertMetadataText(source, await readSource(source));
      } catch (error) {
        if (!(error instanceof ImportError)) {
          throw error;
        }
        errors.push(...error.diagnostics);
        continue;
      }
      const output = `${spec.product}/${spec.version}`;
      const other = sourceByOutput.get(output);
      sourceByOutput.set(output, source);
      if (other !== undefined) {
        const collector = new DiagnosticCollector(source, spec.product);
        collector.report("output-conflict", "", `${output} is also imported from ${other}`);
        errors.push(...collector.list());
        continue;
      }
      const overlays = await listOverlays(
        dirname(specPath(options.outDir, spec.product, spec.version)),
      );
      const stale =
        overlays.length === 0 ? [] : await checkOverlays(spec.document, overlays, spec.product);
      errors.push(...(await staging.add(spec)));
      // The document and its YAML are dropped here: only the facts are returned.
      converted.push({
        source,
        product: spec.product,
        version: spec.version,
        operationCount: spec.operationCount,
        diagnostics: [...spec.diagnostics, ...stale],
      });
    }
    if (errors.length > 0) {
      throw new ImportError(errors);
    }
    const written = await staging.commit();
    return converted.map((spec, index) => ({ ...spec, ...(written[index] as WrittenSpec) }));
  } finally {
    await staging.discard();
  }
}
