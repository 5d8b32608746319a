/**
 * Generates the types package of a product: the openapi-typescript type set plus named models.
 */
import {
  compareCodeUnits,
  type GeneratedPackage,
  generatedFileHeader,
  type ProductPackages,
  packageScaffold,
  printSourceFiles,
  productPackages,
  type SpecModel,
} from "@acs-sdk/spec-loader";
import { IndentationText, Project, QuoteKind } from "ts-morph";
import { MODELS_FILE, writeModelsFile } from "./models-file.js";
import { printSchemaTypes, SCHEMA_FILE } from "./schema-file.js";

/** Name written into the header of every file this generator produces. */
export const TYPES_GENERATOR = "@acs-sdk/generator-types";

const INDEX = `// Public entry point. Hand-written: regeneration rewrites only src/generated/.
export type * from "./generated/${MODELS_FILE.replace(/\\.ts$/, ".js")}";
export type { components, operations, paths } from "./generated/${SCHEMA_FILE.replace(/\\.ts$/, ".js")}";
`;

/**
 * Builds every file of the types package in memory. `packages` names the product's packages;
 * the CLI passes a versioned name for a product's older versions.
 */
export async function generateTypesPackage(
  model: SpecModel,
  packages: ProductPackages = productPackages(model.service.product),
): Promise<GeneratedPackage> {
  const target = packages.types;
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Double,
    },
  });
  writeModelsFile(project.createSourceFile(`/${MODELS_FILE}`), model);
  const header = generatedFileHeader(TYPES_GENERATOR, model);
  const schema = { path: SCHEMA_FILE, content: `${header}\n${await printSchemaTypes(model)}` };
  const { title, apiVersion } = model.service;
  return {
    name: target.name,
    dir: target.dir,
    operationCount: model.operations.length,
    files: [...printSourceFiles(project.getSourceFiles(), header), schema].sort((left, right) =>
      compareCodeUnits(left.path, right.path),
    ),
    scaffold: packageScaffold({
      package: target,
      description: `TypeScript types of the ${title} API, version ${apiVersion}.`,
      index: INDEX,
    }),
  };
}
