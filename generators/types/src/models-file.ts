/**
 * Named request and response types per operation, plus the error body type. Each property's type
 * is read from the openapi-typescript output, so both files always agree.
 */
import {
  nameOperations,
  type OperationModel,
  type OperationNames,
  type ParameterModel,
  propertyKey,
  type SpecModel,
  tsDocText,
} from "@acs-sdk/spec-loader";
import {
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type SourceFile,
  StructureKind,
  type TypeAliasDeclarationStructure,
} from "ts-morph";
import { SCHEMA_FILE } from "./schema-file.js";

/** File name of the named models inside `src/generated/`. */
export const MODELS_FILE = "models.gen.ts";

/** Name of the exported error body type. */
export const ERROR_BODY_TYPE = "AcsErrorBody";

/**
 * Private aliases that reach into openapi-typescript's `operations`, keyed by where a parameter
 * travels. openapi-typescript declares header and host parameters alike under `header`.
 */
const PARAMETER_GROUPS = {
  Query: 'NonNullable<operations[Operation]["parameters"]["query"]>',
  Path: 'NonNullable<operations[Operation]["parameters"]["path"]>',
  Header: 'NonNullable<operations[Operation]["parameters"]["header"]>',
  RequestContent: 'NonNullable<operations[Operation]["requestBody"]>["content"]',
} as const;

type ParameterGroup = keyof typeof PARAMETER_GROUPS;

const GROUP_BY_LOCATION: Readonly<Record<ParameterModel["in"], ParameterGroup>> = {
  query: "Query",
  path: "Path",
  header: "Header",
  host: "Header",
  formData: "RequestContent",
  body: "RequestContent",
};

/** Tracks which private aliases the file uses, so that it declares only those. */
class AliasUse {
  readonly used = new Set<ParameterGroup>();

  reference(group: ParameterGroup, operation: OperationModel): string {
    this.used.add(group);
    return `${group}<${JSON.stringify(operation.name)}>`;
  }
}

function parameterType(operation: OperationModel, parameter: ParameterModel, aliases: AliasUse) {
  const group = aliases.reference(GROUP_BY_LOCATION[parameter.in], operation);
  if (parameter.in !== "formData" && parameter.in !== "body") {
    return `${group}[${JSON.stringify(parameter.name)}]`;
  }
  const media = JSON.stringify(operation.requestBody?.mediaType ?? "application/json");
  return parameter.wholeBody
    ? `${group}[${media}]`
    : `${group}[${media}][${JSON.stringify(parameter.name)}]`;
}

function requestInterface(
  operation: OperationModel,
  names: OperationNames,
  aliases: AliasUse,
): InterfaceDeclarationStructure {
  const properties = operation.parameters.map(
    (parameter): OptionalKind<PropertySignatureStructure> => {
      const text = tsDocText(parameter.description);
      const tags = parameter.deprecated ? [{ tagName: "deprecated" }] : [];
      return {
        name: propertyKey(parameter.name),
        hasQuestionToken: !parameter.required,
        type: parameterType(operation, parameter, aliases),
        docs: text === "" && tags.length === 0 ? [] : [{ description: text, tags }],
      };
    },
  );
  return {
    kind: StructureKind.Interface,
    name: names.requestType,
    isExported: true,
    docs: [
      {
        description: tsDocText(
          `Request of ${operation.name}: ${operation.summary ?? "see the API reference"}`,
          "Properties are keyed by wire name, exactly as the API spells them.",
        ),
        tags: operation.deprecated ? [{ tagName: "deprecated" }] : [],
      },
    ],
    properties,
  };
}

function responseType(
  operation: OperationModel,
  names: OperationNames,
): TypeAliasDeclarationStructure {
  const { response } = operation;
  const type =
    response.schema === undefined || response.mediaType === undefined
      ? "Record<string, unknown>"
      : `operations[${JSON.stringify(operation.name)}]["responses"][${response.status}]["content"][${JSON.stringify(response.mediaType)}]`;
  return {
    kind: StructureKind.TypeAlias,
    name: names.responseType,
    isExported: true,
    docs: [{ description: tsDocText(`Response body of ${operation.name}.`, response.description) }],
    type,
  };
}

/** Tells whether the spec declares the shared error response `#/components/responses/AcsError`. */
function declaresErrorResponse(model: SpecModel): boolean {
  const components = model.document.components as { responses?: object } | undefined;
  return components?.responses !== undefined && Object.hasOwn(components.responses, "AcsError");
}

function errorBodyType(model: SpecModel): TypeAliasDeclarationStructure {
  const declared = declaresErrorResponse(model);
  return {
    kind: StructureKind.TypeAlias,
    name: ERROR_BODY_TYPE,
    isExported: true,
    docs: [
      {
        description:
          "The body Alibaba Cloud's API gateway returns with a 4xx or 5xx status, naming the error.",
      },
    ],
    type: declared
      ? 'components["responses"]["AcsError"]["content"]["application/json"]'
      : "{ Code: string; Message: string; RequestId: string; HostId?: string; Recommend?: string }",
  };
}

/** Fills `file` with the request, response and error body types of every operation. */
export function writeModelsFile(file: SourceFile, model: SpecModel): void {
  const names = nameOperations(model.operations);
  const aliases = new AliasUse();
  const declarations: (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] = [];
  for (const operation of model.operations) {
    const operationNames = names.get(operation.name) as OperationNames;
    declarations.push(requestInterface(operation, operationNames, aliases));
    declarations.push(responseType(operation, operationNames));
  }
  declarations.push(errorBodyType(model));
  const usedAliases = [...aliases.used].sort().map(
    (group): TypeAliasDeclarationStructure => ({
      kind: StructureKind.TypeAlias,
      name: group,
      typeParameters: [{ name: "Operation", constraint: "keyof operations" }],
      type: PARAMETER_GROUPS[group],
    }),
  );
  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: `./${SCHEMA_FILE.replace(/\.ts$/, ".js")}`,
    namedImports: declaresErrorResponse(model) ? ["components", "operations"] : ["operations"],
  });
  file.addStatements([...usedAliases, ...declarations]);
}
