/**
 * Finds `x-acs-*` keys that specs/README.md does not define. The generators read extensions by
 * exact name, so a misspelt one (`x-acs-stlye`) would be ignored without a word.
 */
import type { Diagnostic } from "./diagnostics.js";
import { Findings } from "./findings.js";
import type { PathSegment } from "./json-pointer.js";
import type { YamlSource } from "./yaml-source.js";

/** Every extension of the conventions in specs/README.md. */
export const ACS_EXTENSIONS: ReadonlySet<string> = new Set([
  "x-acs-action",
  "x-acs-api-version",
  "x-acs-body-name",
  "x-acs-endpoint",
  "x-acs-enum-titles",
  "x-acs-error-codes",
  "x-acs-in",
  "x-acs-method",
  "x-acs-methods",
  "x-acs-operation-type",
  "x-acs-origin",
  "x-acs-pathname",
  "x-acs-product",
  "x-acs-replacements",
  "x-acs-signature",
  "x-acs-style",
  "x-acs-title",
]);

/**
 * Keys whose values map names chosen by the spec author (properties, headers, paths, media
 * types, components) to objects. A header may well be named `x-acs-request-id`.
 */
const NAME_MAPS = new Set([
  "$defs",
  "callbacks",
  "content",
  "encoding",
  "headers",
  "links",
  "mapping",
  "parameters",
  "paths",
  "patternProperties",
  "properties",
  "requestBodies",
  "responses",
  "schemas",
  "securitySchemes",
  "variables",
]);

/** Keys whose values are data or examples of data, which may contain any key. */
const DATA_KEYS = new Set(["example", "examples", "default", "const", "enum"]);

function visit(
  value: unknown,
  segments: PathSegment[],
  namesHere: boolean,
  findings: Findings,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      visit(item, [...segments, index], false, findings);
    });
    return;
  }
  if (value === null || typeof value !== "object") {
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (!namesHere && key.startsWith("x-acs-") && !ACS_EXTENSIONS.has(key)) {
      findings.add("extension-unknown", [...segments, key], { extension: key });
      continue;
    }
    // Each extension's value has its own checks, and data values are not spec nodes.
    if (!namesHere && (key.startsWith("x-") || DATA_KEYS.has(key))) {
      continue;
    }
    visit(child, [...segments, key], !namesHere && NAME_MAPS.has(key), findings);
  }
}

/** Returns a diagnostic for every `x-acs-*` key that is not in {@link ACS_EXTENSIONS}. */
export function checkExtensionNames(
  document: Record<string, unknown>,
  base: YamlSource,
): Diagnostic[] {
  const findings = new Findings(base);
  visit(document, [], false, findings);
  return findings.list;
}
