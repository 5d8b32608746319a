/**
 * Generates the client package of a product: the service descriptor, one file per operation and
 * the client class, on top of the runtime in @acs-sdk/core.
 */
import {
  type GeneratedPackage,
  generatedFileHeader,
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
import {
  generatedModule,
  operationFilePath,
  SERVICE_FILE,
  writeClientClassFile,
  writeServiceFile,
} from "./client-class-file.js";
import { type ClientNames, type ClientOperationNames, nameClientExports } from "./client-names.js";
import { writeOperationFile } from "./operation-file.js";

/** Name written into the header of every file this generator produces. */
export const CLIENT_GENERATOR = "@acs-sdk/generator-client";

/** File name of the generated entry point inside `src/generated/`. */
export const CLIENT_INDEX_FILE = "index.gen.ts";

const INDEX = `// Public entry point. Hand-written: regeneration rewrites only src/generated/.
export * from "./generated/index.gen.js";
`;

function usage(packageName: string, names: ClientNames, example: string | undefined): string {
  const { clientClass, factory } = names;
  const imports = example === undefined ? factory : `${example}, ${factory}`;
  const call =
    example === undefined
      ? ""
      : `\nconst result = await ${example}(client, { /* request parameters by wire name */ });`;
  return [
    "```ts",
    `import { ${imports} } from "${packageName}";`,
    "",
    `const client = ${factory}({ regionId: "cn-hangzhou" });${call}`,
    "```",
    "",
    `A bundler keeps only the operation functions an application imports. \`new ${clientClass}(config)\``,
    "has a method per operation instead, and every operation ships with it.",
  ].join("\n");
}

/**
 * Builds every file of the client package in memory. `packages` names the product's packages;
 * the CLI passes a versioned name for a product's older versions.
 */
export function generateClientPackage(
  model: SpecModel,
  packages: ProductPackages = productPackages(model.service.product),
): GeneratedPackage {
  const names = nameClientExports(model, packages);
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Double,
    },
  });
  writeServiceFile(project.createSourceFile(`/${SERVICE_FILE}`), model, names);
  const clientFile = `${names.clientFile}.gen.ts`;
  writeClientClassFile(project.createSourceFile(`/${clientFile}`), model, names);
  const exports: ExportDeclarationStructure[] = [
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: generatedModule(clientFile),
      namedExports: [names.clientClass],
    },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: generatedModule(SERVICE_FILE),
      namedExports: [names.factory, names.service],
    },
  ];
  for (const operation of model.operations) {
    const operationNames = names.operations.get(operation.name) as ClientOperationNames;
    const path = operationFilePath(operationNames);
    writeOperationFile(project.createSourceFile(`/${path}`), operation, operationNames, names);
    exports.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: generatedModule(path) });
  }
  // Request and response types come with the client, so one import serves an application.
  exports.push({
    kind: StructureKind.ExportDeclaration,
    isTypeOnly: true,
    moduleSpecifier: names.typesPackage,
  });
  project.createSourceFile(`/${CLIENT_INDEX_FILE}`, { statements: exports });
  const { title, apiVersion } = model.service;
  const [first] = model.operations;
  const example = first === undefined ? undefined : names.operations.get(first.name)?.functionName;
  return {
    name: packages.client.name,
    dir: packages.client.dir,
    operationCount: model.operations.length,
    files: printSourceFiles(project.getSourceFiles(), generatedFileHeader(CLIENT_GENERATOR, model)),
    scaffold: packageScaffold({
      package: packages.client,
      description: `Typed client of the ${title} API, version ${apiVersion}.`,
      dependencies: {
        "@acs-sdk/core": "workspace:*",
        [packages.types.name]: "workspace:*",
        [packages.validators.name]: "workspace:*",
      },
      index: INDEX,
      readme: usage(packages.client.name, names, example),
    }),
  };
}
