/**
 * Regenerates the packages of every product under the specs root: loads and validates all specs
 * first, then generates and stages every package, then swaps them all in.
 */

import { isAbsolute, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { generateClientPackage } from "@acs-sdk/generator-client";
import { generateTypesPackage } from "@acs-sdk/generator-types";
import { generateValidatorsPackage } from "@acs-sdk/generator-validators";
import {
  type Diagnostic,
  findSpecs,
  type GeneratedPackage,
  loadSpec,
  type ProductPackages,
  productPackages,
  SpecError,
  type SpecModel,
} from "@acs-sdk/spec-loader";
import { GenerateError } from "./generate-error.js";
import { commitStaged, discardStaged, type StagedPackage, stagePackage } from "./package-writer.js";

/** Input and output directories of a run. */
export interface GenerateOptions {
  /** Directory holding `<product>/<version>/openapi.yaml`. */
  readonly specsRoot: string;
  /** Directory holding the product packages (`packages/`). */
  readonly packagesRoot: string;
  /** Only these products; all when empty. */
  readonly products?: readonly string[];
  /** Diagnostics name files relative to this directory. */
  readonly cwd?: string;
}

/** Counts and time of one generated package. */
export interface PackageSummary {
  readonly name: string;
  readonly operations: number;
  readonly files: number;
  /** Time to generate and stage the package. */
  readonly milliseconds: number;
}

/** The result of a run: summaries, or the spec problems that stopped it before any write. */
export type GenerateOutcome =
  | { readonly ok: true; readonly packages: readonly PackageSummary[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The generators, in the order their packages are summarised. */
const GENERATORS: readonly ((
  model: SpecModel,
  packages: ProductPackages,
) => GeneratedPackage | Promise<GeneratedPackage>)[] = [
  generateTypesPackage,
  generateValidatorsPackage,
  generateClientPackage,
];

/** A loaded spec with the names of its packages. */
interface LoadedSpec {
  readonly model: SpecModel;
  readonly packages: ProductPackages;
}

/** `dir` relative to `cwd` when inside it, else absolute, so it resolves the same from `cwd`. */
function displayPath(dir: string, cwd: string): string {
  const relativePath = relative(cwd, dir);
  return relativePath.startsWith("..") || isAbsolute(relativePath) ? resolve(dir) : relativePath;
}

async function loadModels(
  options: GenerateOptions,
): Promise<{ specs: LoadedSpec[]; diagnostics: Diagnostic[] }> {
  const products = options.products ?? [];
  const locations = await findSpecs(options.specsRoot, products);
  for (const product of products) {
    if (!locations.some((location) => location.product === product)) {
      throw new GenerateError(
        "product-not-found",
        `No spec of product ${product} was found under ${options.specsRoot}; expected ${product}/<version>/openapi.yaml there.`,
      );
    }
  }
  if (locations.length === 0) {
    throw new GenerateError(
      "no-specs",
      `No <product>/<version>/openapi.yaml was found under ${options.specsRoot}.`,
    );
  }
  const specs: LoadedSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const location of locations) {
    try {
      const cwd = options.cwd ?? process.cwd();
      const model = await loadSpec(displayPath(location.dir, cwd), { cwd });
      specs.push({ model, packages: productPackages(location.packageBase) });
    } catch (error) {
      if (!(error instanceof SpecError)) {
        throw error;
      }
      diagnostics.push(...error.diagnostics);
    }
  }
  return { specs, diagnostics };
}

/**
 * Stops a run in which two specs would write the same package, before anything is staged. The
 * specs root names each product directory once, so this only happens when a product code and
 * another product's versioned name meet (`cas` version `2018` and a product `cas-2018`).
 */
function checkPackageNames(specs: readonly LoadedSpec[]): void {
  const owners = new Map<string, string>();
  for (const { model, packages } of specs) {
    const owner = `${model.service.product} ${model.service.apiVersion}`;
    const other = owners.get(packages.base);
    if (other !== undefined) {
      throw new GenerateError(
        "package-collision",
        `The specs of ${other} and ${owner} would both generate the @acs-sdk/${packages.base}-* packages; rename one product directory.`,
      );
    }
    owners.set(packages.base, owner);
  }
}

/**
 * Regenerates every package. Spec problems stop the run before anything is written. A failure
 * while generating or staging discards every staged package, so no `src/generated/` directory
 * changes; only a failure during the final renames can leave some packages replaced.
 */
export async function generateProducts(options: GenerateOptions): Promise<GenerateOutcome> {
  const { specs, diagnostics } = await loadModels(options);
  if (diagnostics.length > 0) {
    return { ok: false, diagnostics };
  }
  checkPackageNames(specs);
  const staged: StagedPackage[] = [];
  const packages: PackageSummary[] = [];
  try {
    for (const { model, packages: names } of specs) {
      for (const generate of GENERATORS) {
        const started = performance.now();
        const generated = await generate(model, names);
        staged.push(await stagePackage(options.packagesRoot, generated));
        packages.push({
          name: generated.name,
          operations: generated.operationCount,
          files: generated.files.length,
          milliseconds: Math.round(performance.now() - started),
        });
      }
    }
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
  await commitStaged(staged);
  return { ok: true, packages };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Formats one summary line: `@acs-sdk/hbr-types  1 operation  3 files  412 ms`. */
export function formatSummary(summary: PackageSummary): string {
  return [
    summary.name,
    plural(summary.operations, "operation"),
    plural(summary.files, "file"),
    `${summary.milliseconds} ms`,
  ].join("  ");
}
