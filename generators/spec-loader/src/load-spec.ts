/**
 * Entry points: find the spec directories under `specs/` and load one into a {@link SpecModel}.
 */
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { checkAcsConventions } from "./acs-validation.js";
import { buildSpecModel } from "./build-model.js";
import { compareCodeUnits } from "./canonical-order.js";
import { createDiagnostic, type Diagnostic, SpecError } from "./diagnostics.js";
import { checkExtensionNames } from "./extension-names.js";
import { Findings } from "./findings.js";
import type { SpecFiles, SpecModel } from "./model.js";
import { applyOverlays } from "./overlay.js";
import { checkRefs } from "./refs.js";
import { checkSchemaConstraints } from "./schema-constraints.js";
import { validateWithStandardParser } from "./standard-validation.js";
import { readYamlSource, type YamlSource } from "./yaml-source.js";

/** File name of the base document in a spec directory. */
export const BASE_DOCUMENT_FILE = "openapi.yaml";

/** Suffix of overlay files in a spec directory. */
export const OVERLAY_FILE_SUFFIX = ".overlay.yaml";

/** A spec directory found under the specs root. */
export interface SpecLocation {
  readonly product: string;
  readonly version: string;
  /** `<root>/<product>/<version>`. */
  readonly dir: string;
  /**
   * Stem of the generated package names: the product code for the product's latest version,
   * the product code and the version's letters and digits for older ones (`cas-20180713`).
   */
  readonly packageBase: string;
}

async function listDirectory(dir: string): Promise<{ name: string; isDirectory: boolean }[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }))
      .sort((left, right) => compareCodeUnits(left.name, right.name));
  } catch {
    return [];
  }
}

/**
 * Lists every `<root>/<product>/<version>/` that contains an openapi.yaml, sorted by product and
 * version, with the package names each gets. A `products` filter keeps only the named products.
 */
export async function findSpecs(
  root: string,
  products: readonly string[] = [],
): Promise<SpecLocation[]> {
  const found: SpecLocation[] = [];
  for (const product of await listDirectory(root)) {
    if (!product.isDirectory || (products.length > 0 && !products.includes(product.name))) {
      continue;
    }
    const versions: string[] = [];
    for (const version of await listDirectory(join(root, product.name))) {
      const files = await listDirectory(join(root, product.name, version.name));
      if (version.isDirectory && files.some((file) => file.name === BASE_DOCUMENT_FILE)) {
        versions.push(version.name);
      }
    }
    // Versions are dates (or names) in sorted order, so the last is the latest.
    const latest = versions.at(-1);
    for (const version of versions) {
      const slug = version.toLowerCase().replace(/[^a-z0-9]/g, "");
      found.push({
        product: product.name,
        version,
        dir: join(root, product.name, version),
        packageBase: version === latest ? product.name : `${product.name}-${slug}`,
      });
    }
  }
  return found;
}

/**
 * Reads every file, collecting the syntax problems of all of them before giving up. Files are
 * named as given in diagnostics and read relative to `cwd`.
 */
async function readSources(files: readonly string[], cwd: string): Promise<YamlSource[]> {
  const results = await Promise.allSettled(
    files.map((file) => readYamlSource(file, resolve(cwd, file))),
  );
  const problems: Diagnostic[] = [];
  const sources: YamlSource[] = [];
  for (const result of results) {
    if (result.status === "fulfilled") {
      sources.push(result.value);
    } else if (result.reason instanceof SpecError) {
      problems.push(...result.reason.diagnostics);
    } else {
      throw result.reason;
    }
  }
  if (problems.length > 0) {
    throw new SpecError(problems);
  }
  return sources;
}

function throwIfAny(problems: readonly Diagnostic[]): void {
  if (problems.length > 0) {
    throw new SpecError(problems);
  }
}

/** Drops standard-parser reports about nodes our own checks already explained. */
function withoutRepeats(own: readonly Diagnostic[], standard: readonly Diagnostic[]): Diagnostic[] {
  const explained = own.map((diagnostic) => diagnostic.pointer);
  return standard.filter(
    (diagnostic) =>
      !explained.some(
        (pointer) => diagnostic.pointer === pointer || diagnostic.pointer.startsWith(`${pointer}/`),
      ),
  );
}

/** Options of {@link loadSpec}. */
export interface LoadSpecOptions {
  /**
   * Directory a relative `dir` is resolved against; defaults to the process working directory.
   * Diagnostics and {@link SpecFiles} keep naming files through `dir` as given.
   */
  readonly cwd?: string;
}

/**
 * Loads `<dir>/openapi.yaml`, applies every `*.overlay.yaml` beside it in file-name order,
 * validates the result (standard OpenAPI 3.1 schema, `$ref`s, `x-acs-*` conventions) and returns
 * the model. Throws a {@link SpecError} listing every problem found.
 */
export async function loadSpec(dir: string, options: LoadSpecOptions = {}): Promise<SpecModel> {
  const cwd = options.cwd ?? process.cwd();
  const entries = await listDirectory(resolve(cwd, dir));
  if (!entries.some((entry) => entry.name === BASE_DOCUMENT_FILE)) {
    throw new SpecError([createDiagnostic("spec-dir-missing", { file: dir }, { dir })]);
  }
  const files: SpecFiles = {
    dir,
    base: join(dir, BASE_DOCUMENT_FILE),
    overlays: entries
      .filter((entry) => !entry.isDirectory && entry.name.endsWith(OVERLAY_FILE_SUFFIX))
      .map((entry) => join(dir, entry.name)),
  };
  const [base, ...overlays] = await readSources([files.base, ...files.overlays], cwd);
  if (base === undefined) {
    throw new TypeError("The base document was read but not returned.");
  }
  const merged = structuredClone(base.value);
  throwIfAny(applyOverlays(merged, overlays));
  throwIfAny(checkRefs(merged, base));
  const own = [
    ...checkAcsConventions(merged, base),
    ...checkExtensionNames(merged, base),
    ...checkSchemaConstraints(merged, base),
  ];
  const standard = await validateWithStandardParser(merged, base);
  throwIfAny([...own, ...withoutRepeats(own, standard)]);
  const findings = new Findings(base);
  const model = buildSpecModel(merged, files, findings);
  throwIfAny(findings.list);
  return model;
}
