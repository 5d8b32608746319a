/**
 * Generates the validators package of a product: dependency-free request and response validators
 * built from the constraints of the spec.
 */
import { readFileSync } from "node:fs";
import {
  type GeneratedPackage,
  generatedFileHeader,
  nameOperations,
  type OperationNames,
  type ProductPackages,
  packageScaffold,
  printSourceFiles,
  productPackages,
  type SpecModel,
} from "@acs-sdk/spec-loader";
import {
  type ExportDeclarationStructure,
  IndentationText,
  Project,
  QuoteKind,
  StructureKind,
} from "ts-morph";
import { ComponentCheckers } from "./schema-checks.js";
import {
  moduleSpecifier,
  VALIDATOR_FILES,
  writeComponentCheckers,
  writeOperationValidators,
  writeRequestValidatorMap,
} from "./validator-files.js";

/** Name written into the header of every file this generator produces. */
export const VALIDATORS_GENERATOR = "@acs-sdk/generator-validators";

/**
 * Source of the validation kit, copied into every package. Read once per process. The path goes
 * through the package root, so it finds the TypeScript file from `src/` and from a built `dist/`.
 */
const KIT_SOURCE = readFileSync(new URL("../src/kit/validation-kit.ts", import.meta.url), "utf8");

const INDEX = `// Public entry point. Hand-written: regeneration rewrites only src/generated/.
export * from "./generated/${moduleSpecifier(VALIDATOR_FILES.index).slice(2)}";
`;

/**
 * Builds every file of the validators package in memory. `packages` names the product's packages;
 * the CLI passes a versioned name for a product's older versions.
 */
export function generateValidatorsPackage(
  model: SpecModel,
  packages: ProductPackages = productPackages(model.service.product),
): GeneratedPackage {
  const target = packages.validators;
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Double,
    },
  });
  const names = nameOperations(model.operations);
  const checkers = new ComponentCheckers();
  const exports: ExportDeclarationStructure[] = [];
  for (const operation of model.operations) {
    const operationNames = names.get(operation.name) as OperationNames;
    const path = `${VALIDATOR_FILES.operationsDir}/${operationNames.fileName}.gen.ts`;
    const file = project.createSourceFile(`/${path}`);
    writeOperationValidators(file, operation, operationNames, model, checkers);
    exports.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: moduleSpecifier(path) });
  }
  const components = project.createSourceFile(`/${VALIDATOR_FILES.components}`);
  writeComponentCheckers(components, model, checkers);
  if (components.getFunctions().length === 0) {
    project.removeSourceFile(components);
  }
  writeRequestValidatorMap(
    project.createSourceFile(`/${VALIDATOR_FILES.requestValidators}`),
    model,
    names,
  );
  project.createSourceFile(`/${VALIDATOR_FILES.index}`, {
    statements: [
      ...exports,
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: moduleSpecifier(VALIDATOR_FILES.requestValidators),
        namedExports: ["requestValidators"],
      },
      {
        kind: StructureKind.ExportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: moduleSpecifier(VALIDATOR_FILES.kit),
        namedExports: ["ValidationIssue", "Validator"],
      },
    ],
  });
  project.createSourceFile(`/${VALIDATOR_FILES.kit}`, KIT_SOURCE);
  const { title, apiVersion } = model.service;
  return {
    name: target.name,
    dir: target.dir,
    operationCount: model.operations.length,
    files: printSourceFiles(
      project.getSourceFiles(),
      generatedFileHeader(VALIDATORS_GENERATOR, model),
    ),
    scaffold: packageScaffold({
      package: target,
      description: `Request and response validators of the ${title} API, version ${apiVersion}, with no runtime dependencies.`,
      index: INDEX,
    }),
  };
}
