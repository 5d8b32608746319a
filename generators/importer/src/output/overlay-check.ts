/**
 * Checks that the overlays kept beside a spec still apply to a re-imported document, with the
 * same overlay engine that generation uses.
 */
import { applyOverlays, readYamlSource, SpecError, type YamlSource } from "@acs-sdk/spec-loader";
import { type Diagnostic, DiagnosticCollector } from "../diagnostics.js";

/**
 * Applies `overlayFiles` to a copy of `document` and returns an `overlay-stale` warning for each
 * action that no longer applies (or each overlay that does not parse).
 */
export async function checkOverlays(
  document: Record<string, unknown>,
  overlayFiles: readonly string[],
  product: string,
): Promise<Diagnostic[]> {
  const warnings: Diagnostic[] = [];
  const sources: YamlSource[] = [];
  for (const file of overlayFiles) {
    try {
      sources.push(await readYamlSource(file));
    } catch (error) {
      if (!(error instanceof SpecError)) {
        throw error;
      }
      for (const problem of error.diagnostics) {
        const collector = new DiagnosticCollector(file, product);
        collector.report("overlay-stale", problem.pointer, problem.message);
        warnings.push(...collector.list());
      }
    }
  }
  for (const problem of applyOverlays(structuredClone(document), sources)) {
    const collector = new DiagnosticCollector(problem.file, product);
    collector.report("overlay-stale", problem.pointer, problem.message);
    warnings.push(...collector.list());
  }
  return warnings;
}
