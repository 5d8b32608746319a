/**
 * One file per operation: its `OperationDescriptor` and a function that sends it. Importing one
 * operation function pulls in neither the client class nor the other operations.
 */
import { type OperationModel, type ParameterModel, tsDocText } from "@acs-sdk/spec-loader";
import {
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type JSDocStructure,
  type OptionalKind,
  type SourceFile,
  StructureKind,
  VariableDeclarationKind,
  type VariableStatementStructure,
} from "ts-morph";
import type { ClientNames, ClientOperationNames } from "./client-names.js";

/** Directory of the operation files inside `src/generated/`. */
export const OPERATIONS_DIR = "operations";

function parameterDescriptor(parameter: ParameterModel): string {
  const fields = [`name: ${JSON.stringify(parameter.name)}`, `in: ${JSON.stringify(parameter.in)}`];
  if (parameter.style !== undefined) {
    fields.push(`style: ${JSON.stringify(parameter.style)}`);
  }
  if (parameter.wholeBody) {
    fields.push("wholeBody: true");
  }
  return `{ ${fields.join(", ")} }`;
}

/**
 * Tells whether an operation is left to the runtime's built-in query serializer: an RPC operation
 * whose parameters all travel in the query in the `repeatList` or `flat` form. The test mirrors
 * `isQueryOnly` in @acs-sdk/core (query-serializer.ts), limited to RPC. Every other descriptor
 * sets `serialize: serializeRequest`, so that bundlers include the serializer with the operation.
 */
export function usesQuerySerializer(operation: OperationModel): boolean {
  return (
    operation.style === "RPC" &&
    operation.parameters.every(
      ({ in: location, style }) =>
        location === "query" && (style === undefined || style === "repeatList" || style === "flat"),
    )
  );
}

/** Tells whether the request argument may be left out, because no parameter is required. */
export function requestIsOptional(operation: OperationModel): boolean {
  return operation.parameters.every((parameter) => !parameter.required);
}

function deprecationText(operation: OperationModel): string {
  const replacements = operation.replacements.map((name) => `\`${name}\``).join(", ");
  return replacements === ""
    ? "The API marks this operation as deprecated."
    : `The API marks this operation as deprecated; use ${replacements} instead.`;
}

/**
 * TSDoc of an operation function or method: the spec's summary and description, the parameters
 * and `@deprecated` where the spec marks the operation.
 */
export function operationDocs(
  operation: OperationModel,
  withClient: boolean,
): OptionalKind<JSDocStructure> {
  const tags = [
    ...(withClient
      ? [{ tagName: "param", text: "client - The client that sends the request." }]
      : []),
    { tagName: "param", text: "request - Request parameters, keyed by wire name." },
    {
      tagName: "param",
      text: "options - Per-call overrides: abort signal, timeouts, retries and extra headers.",
    },
    { tagName: "returns", text: "The parsed response body, with `$metadata` about the exchange." },
    ...(operation.deprecated ? [{ tagName: "deprecated", text: deprecationText(operation) }] : []),
  ];
  const description = tsDocText(
    operation.summary ?? `Calls ${operation.name}.`,
    operation.description,
    `API name: ${operation.name} (${operation.method} ${operation.pathname}, ${operation.operationType}).`,
  );
  return { description, tags };
}

/** Fills the file of one operation. */
export function writeOperationFile(
  file: SourceFile,
  operation: OperationModel,
  names: ClientOperationNames,
  clientNames: ClientNames,
): void {
  const querySerializer = usesQuerySerializer(operation);
  const imports: ImportDeclarationStructure[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "@acs-sdk/core",
      namedImports: ["AcsClient", "CallOptions", "OperationDescriptor", "WithMetadata"],
    },
    ...(querySerializer
      ? []
      : [
          {
            kind: StructureKind.ImportDeclaration,
            moduleSpecifier: "@acs-sdk/core",
            namedImports: ["serializeRequest"],
          } satisfies ImportDeclarationStructure,
        ]),
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: clientNames.typesPackage,
      namedImports: [names.requestType, names.responseType],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: clientNames.validatorsPackage,
      namedImports: [names.requestValidator],
    },
  ];
  const fields = [
    `action: ${JSON.stringify(operation.action)},`,
    `method: ${JSON.stringify(operation.method)},`,
    `pathname: ${JSON.stringify(operation.pathname)},`,
    `style: ${JSON.stringify(operation.style)},`,
    `readOnly: ${operation.operationType === "read"},`,
    "parameters: [",
    ...operation.parameters.map((parameter) => `${parameterDescriptor(parameter)},`),
    "],",
    `validate: ${names.requestValidator},`,
    ...(querySerializer ? [] : ["serialize: serializeRequest,"]),
  ];
  const descriptor: VariableStatementStructure = {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: names.descriptor,
        type: "OperationDescriptor",
        initializer: `{\n${fields.join("\n")}\n}`,
      },
    ],
    docs: [`How ${operation.name} travels on the wire; the runtime reads it for every call.`],
  };
  const optional = requestIsOptional(operation);
  const send: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: names.functionName,
    isExported: true,
    parameters: [
      { name: "client", type: "AcsClient" },
      { name: "request", type: names.requestType, ...(optional ? { initializer: "{}" } : {}) },
      { name: "options", type: "CallOptions", hasQuestionToken: true },
    ],
    returnType: `Promise<WithMetadata<${names.responseType}>>`,
    docs: [operationDocs(operation, true)],
    statements: `return client.send<${names.responseType}>(${names.descriptor}, request, options);`,
  };
  // One insertion, because ts-morph reparses the file after each. ts-morph adds the blank line
  // after imports itself only when they are inserted on their own.
  file.addStatements([...imports, (writer) => writer.blankLine(), descriptor, send]);
}
