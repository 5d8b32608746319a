/**
 * The service descriptor and the client class: `HbrClient extends AcsClient` with one method per
 * operation, each delegating to the operation's function.
 */
import { objectLiteralKey, type SpecModel, tsDocText } from "@acs-sdk/spec-loader";
import {
  type ImportDeclarationStructure,
  type SourceFile,
  StructureKind,
  VariableDeclarationKind,
} from "ts-morph";
import type { ClientNames, ClientOperationNames } from "./client-names.js";
import { OPERATIONS_DIR, operationDocs, requestIsOptional } from "./operation-file.js";

/** File name of the service descriptor inside `src/generated/`. */
export const SERVICE_FILE = "service.gen.ts";

/** Module specifier of a generated file (`path` relative to `src/generated/`) from its root. */
export function generatedModule(path: string): string {
  return `./${path.replace(/\.ts$/, ".js")}`;
}

/** Path of an operation file relative to `src/generated/`. */
export function operationFilePath(names: ClientOperationNames): string {
  return `${OPERATIONS_DIR}/${names.fileName}.gen.ts`;
}

/** Prints plain data as a multi-line object literal with bare keys where possible. */
function objectLiteral(value: unknown): string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return JSON.stringify(value);
  }
  const entries = Object.entries(value).map(
    ([key, item]) => `${objectLiteralKey(key)}: ${objectLiteral(item)},`,
  );
  return entries.length === 0 ? "{}" : `{\n${entries.join("\n")}\n}`;
}

/** Fills the file of the service descriptor, which comes from `x-acs-endpoint`. */
export function writeServiceFile(file: SourceFile, model: SpecModel, names: ClientNames): void {
  const { product, apiVersion, endpoint, title } = model.service;
  file.addImportDeclaration({
    moduleSpecifier: "@acs-sdk/core",
    namedImports: [
      "AcsClient",
      { name: "ClientConfig", isTypeOnly: true },
      { name: "ServiceDescriptor", isTypeOnly: true },
    ],
  });
  const service = {
    product,
    apiVersion,
    endpoint: { rule: endpoint.rule, productId: endpoint.productId, map: endpoint.map },
  };
  const initializer = objectLiteral(service);
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: names.service, type: "ServiceDescriptor", initializer }],
    docs: [
      tsDocText(
        `Product facts of the ${title} API, version ${apiVersion}: the version header value and how a region becomes a host name.`,
      ),
    ],
  });
  file.addFunction({
    isExported: true,
    name: names.factory,
    parameters: [{ name: "config", type: "ClientConfig", initializer: "{}" }],
    returnType: "AcsClient",
    statements: [`return new AcsClient(${names.service}, config);`],
    docs: [
      [
        tsDocText(
          `Creates a client of the ${title} API without operation methods: pass it to the operation functions, and a bundler keeps only the operations an application imports. No connection is made until the first call.`,
        ),
        "@param config - Region, credentials, endpoint, timeouts and retries; every field is optional.",
      ].join("\n"),
    ],
  });
}

/** Fills the file of the client class. */
export function writeClientClassFile(file: SourceFile, model: SpecModel, names: ClientNames): void {
  const { title, apiVersion } = model.service;
  const typeImports: string[] = [];
  const operationImports: ImportDeclarationStructure[] = [];
  const methods = model.operations.map((operation) => {
    const operationNames = names.operations.get(operation.name) as ClientOperationNames;
    typeImports.push(operationNames.requestType, operationNames.responseType);
    operationImports.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: generatedModule(operationFilePath(operationNames)),
      namedImports: [operationNames.functionName],
    });
    const optional = requestIsOptional(operation);
    return {
      name: operationNames.functionName,
      parameters: [
        {
          name: "request",
          type: operationNames.requestType,
          ...(optional ? { initializer: "{}" } : {}),
        },
        { name: "options", type: "CallOptions", hasQuestionToken: true },
      ],
      returnType: `Promise<WithMetadata<${operationNames.responseType}>>`,
      docs: [operationDocs(operation, false)],
      statements: `return ${operationNames.functionName}(this, request, options);`,
    };
  });
  file.addImportDeclarations([
    {
      moduleSpecifier: "@acs-sdk/core",
      namedImports: [
        "AcsClient",
        { name: "CallOptions", isTypeOnly: true },
        { name: "ClientConfig", isTypeOnly: true },
        { name: "WithMetadata", isTypeOnly: true },
      ],
    },
    // A product version without operations has no request or response types to import.
    ...(typeImports.length === 0
      ? []
      : [
          {
            isTypeOnly: true,
            moduleSpecifier: names.typesPackage,
            namedImports: typeImports.sort(),
          },
        ]),
    { moduleSpecifier: generatedModule(SERVICE_FILE), namedImports: [names.service] },
    ...operationImports,
  ]);
  file.addClass({
    name: names.clientClass,
    isExported: true,
    extends: "AcsClient",
    docs: [
      tsDocText(
        `Client of the ${title} API, version ${apiVersion}, with one method per operation.`,
        `Every method's operation ships with the class. To let a bundler drop the operations an application does not call, create the client with \`${names.factory}\` instead and call the operation functions.`,
      ),
    ],
    ctors: [
      {
        parameters: [{ name: "config", type: "ClientConfig", initializer: "{}" }],
        docs: [
          {
            description: "Creates a client; no connection is made until the first call.",
            tags: [
              {
                tagName: "param",
                text: "config - Region, credentials, endpoint, timeouts and retries; every field is optional.",
              },
            ],
          },
        ],
        statements: `super(${names.service}, config);`,
      },
    ],
    methods,
  });
}
