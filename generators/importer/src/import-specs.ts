/**
 * The import pipeline: read metadata (file or URL), convert it, check the overlays kept beside
 * the target, and write every spec atomically. Nothing is written unless every source converts.
 */
import { join } from "node:path";
import { convertApiDocs, IMPORT_ORIGIN } from "./convert/document.js";
import { type Diagnostic, DiagnosticCollector, ImportError } from "./diagnostics.js";
import { readApiDocs } from "./metadata/api-docs.js";
import { checkOverlays } from "./output/overlay-check.js";
import { toSpecYaml } from "./output/spec-yaml.js";
import { listOverlays, writeSpecFiles } from "./output/write-specs.js";
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

/** A converted document and where it was written. */
export interface ImportedSpec extends ConvertedSpec {
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

function conflictDiagnostics(specs: readonly ConvertedSpec[]): Diagnostic[] {
  const seen = new Map<string, string>();
  const problems: Diagnostic[] = [];
  for (const spec of specs) {
    const key = `${spec.product}/${spec.version}`;
    const other = seen.get(key);
    if (other !== undefined) {
      const collector = new DiagnosticCollector(spec.source, spec.product);
      collector.report("output-conflict", "", `${key} is also imported from ${other}`);
      problems.push(...collector.list());
    }
    seen.set(key, spec.source);
  }
  return problems;
}

/**
 * Imports every source (file path or http/https URL). Converts all of them first; if any fails,
 * throws an {@link ImportError} with every error and writes nothing.
 */
export async function importSpecs(
  sources: readonly string[],
  options: ImportOptions,
): Promise<ImportedSpec[]> {
  const converted: ConvertedSpec[] = [];
  const errors: Diagnostic[] = [];
  for (const source of sources) {
    try {
      converted.push(convertMetadataText(source, await readSource(source)));
    } catch (error) {
      if (!(error instanceof ImportError)) {
        throw error;
      }
      errors.push(...error.diagnostics);
    }
  }
  errors.push(...conflictDiagnostics(converted));
  if (errors.length > 0) {
    throw new ImportError(errors);
  }
  const checked: ConvertedSpec[] = [];
  for (const spec of converted) {
    const overlays = await listOverlays(join(options.outDir, spec.product, spec.version));
    const stale =
      overlays.length === 0 ? [] : await checkOverlays(spec.document, overlays, spec.product);
    checked.push({ ...spec, diagnostics: [...spec.diagnostics, ...stale] });
  }
  const written = await writeSpecFiles(options.outDir, checked, {
    origin: IMPORT_ORIGIN,
    ...(options.force === undefined ? {} : { force: options.force }),
  });
  return checked.map((spec, index) => {
    const place = written[index] as (typeof written)[number];
    return { ...spec, path: place.path, overlays: place.overlays };
  });
}
