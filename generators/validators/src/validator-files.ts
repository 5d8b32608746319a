/**
 * Writes the validator files of a package: one file per operation with its request and response
 * validators, the shared component checkers, and the map of request validators by operation.
 */
import {
  type OperationModel,
  type OperationNames,
  objectLiteralKey,
  type SpecModel,
  tsDocText,
} from "@acs-sdk/spec-loader";
import {
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type SourceFile,
  StructureKind,
  VariableDeclarationKind,
  type WriterFunction,
} from "ts-morph";
import {
  CheckContext,
  type ComponentCheckers,
  describesObject,
  propertyChecks,
  schemaChecks,
} from "./schema-checks.js";

/** File names inside `src/generated/`. */
export const VALIDATOR_FILES = {
  kit: "validation-kit.gen.ts",
  components: "schemas.gen.ts",
  requestValidators: "request-validators.gen.ts",
  index: "index.gen.ts",
  operationsDir: "operations",
} as const;

/** Module specifier of a generated file from a file in `fromDir` (`""` or `operations`). */
export function moduleSpecifier(file: string, fromDir = ""): string {
  const prefix = fromDir === "" ? "./" : "../";
  return `${prefix}${file.replace(/\.ts$/, ".js")}`;
}

/**
 * Separates imports from the code that follows them; ts-morph adds this blank line itself only
 * when imports are inserted on their own.
 */
const blankLine: WriterFunction = (writer) => {
  writer.blankLine();
};

/** Builds the imports a check context collected, for a file in `fromDir`. */
function checkImports(
  context: CheckContext,
  fromDir: string,
  withComponents: boolean,
): ImportDeclarationStructure[] {
  const imports: ImportDeclarationStructure[] = [];
  const components = [...context.components].sort();
  if (components.length > 0 && withComponents) {
    imports.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: moduleSpecifier(VALIDATOR_FILES.components, fromDir),
      namedImports: components,
    });
  }
  imports.push({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: moduleSpecifier(VALIDATOR_FILES.kit, fromDir),
    namedImports: [...[...context.kit].sort(), { name: "ValidationIssue", isTypeOnly: true }],
  });
  return imports;
}

function requestStatements(operation: OperationModel, context: CheckContext): string[] {
  const statements = [
    "const issues: ValidationIssue[] = [];",
    `if (!${context.use("checkRoot")}(request, "request", issues)) {`,
    "return issues;",
    "}",
  ];
  const schema = {
    properties: Object.fromEntries(operation.parameters.map((item) => [item.name, item.schema])),
    required: operation.parameters.filter((item) => item.required).map((item) => item.name),
  };
  statements.push(...propertyChecks(schema, "request", { kind: "static", text: "" }, context));
  statements.push("return issues;");
  return statements;
}

function responseStatements(operation: OperationModel, context: CheckContext): string[] {
  const { schema } = operation.response;
  const statements = ["const issues: ValidationIssue[] = [];"];
  const root = { kind: "static", text: "" } as const;
  if (schema !== undefined && describesObject(context.model, schema)) {
    statements.push(`if (!${context.use("checkRoot")}(body, "response body", issues)) {`);
    statements.push("return issues;", "}");
    // An inline object was just checked to be one; a component checker checks for itself.
    statements.push(
      ...(schema.$ref === undefined
        ? propertyChecks(schema, "body", root, context)
        : schemaChecks(schema, "body", root, context, "body")),
    );
  } else if (schema !== undefined) {
    statements.push(...schemaChecks(schema, "body", root, context, "body"));
  }
  statements.push("return issues;");
  return statements;
}

/** Fills the file of one operation with its request and response validators. */
export function writeOperationValidators(
  file: SourceFile,
  operation: OperationModel,
  names: OperationNames,
  model: SpecModel,
  checkers: ComponentCheckers,
): void {
  const context = new CheckContext(model, checkers, ["request", "body"]);
  const deprecated = operation.deprecated ? [{ tagName: "deprecated" }] : [];
  const request: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: names.requestValidator,
    isExported: true,
    parameters: [{ name: "request", type: "unknown" }],
    returnType: "ValidationIssue[]",
    docs: [
      {
        description: tsDocText(
          `Checks the request of ${operation.name} against the constraints of the spec.`,
          "Returns every problem found; an empty list means the request may be sent.",
        ),
        tags: deprecated,
      },
    ],
    statements: requestStatements(operation, context).join("\n"),
  };
  const response: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: names.responseValidator,
    isExported: true,
    parameters: [{ name: "body", type: "unknown" }],
    returnType: "ValidationIssue[]",
    docs: [
      {
        description: tsDocText(
          `Checks the response body of ${operation.name} against the schema of the spec.`,
          "Returns every problem found; an empty list means the body matches.",
        ),
        tags: deprecated,
      },
    ],
    statements: responseStatements(operation, context).join("\n"),
  };
  // One insertion per file, because ts-morph reparses the file after each. The statements above
  // are already text, so the imports they use are known.
  const imports = checkImports(context, VALIDATOR_FILES.operationsDir, true);
  file.addStatements([...imports, blankLine, request, response]);
}

/**
 * Fills the components file with the checker of every component schema the validators use,
 * including the components those checkers use in turn.
 */
export function writeComponentCheckers(
  file: SourceFile,
  model: SpecModel,
  checkers: ComponentCheckers,
): void {
  const context = new CheckContext(model, checkers, ["value", "path"]);
  const functions: FunctionDeclarationStructure[] = [];
  for (let next = checkers.nextPending(); next !== undefined; next = checkers.nextPending()) {
    const schema = model.schemas[next.schemaName] ?? {};
    const statements = schemaChecks(
      schema,
      "value",
      { kind: "dynamic", expression: "path" },
      context,
      "value",
    );
    functions.push({
      kind: StructureKind.Function,
      name: next.functionName,
      isExported: true,
      parameters: [
        { name: "value", type: "unknown" },
        { name: "path", type: "string" },
        { name: "issues", type: "ValidationIssue[]" },
      ],
      returnType: "void",
      docs: [
        tsDocText(`Checks a value against the ${next.schemaName} schema and records its problems.`),
      ],
      statements:
        statements.length === 0 ? "// Any value matches this schema." : statements.join("\n"),
    });
  }
  if (functions.length > 0) {
    file.addStatements([...checkImports(context, "", false), blankLine, ...functions]);
  }
}

/** Fills the map of request validators by operation name. */
export function writeRequestValidatorMap(
  file: SourceFile,
  model: SpecModel,
  names: ReadonlyMap<string, OperationNames>,
): void {
  const entries: string[] = [];
  const imports: ImportDeclarationStructure[] = [];
  for (const operation of model.operations) {
    const operationNames = names.get(operation.name) as OperationNames;
    const validator = operationNames.requestValidator;
    imports.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: moduleSpecifier(
        `${VALIDATOR_FILES.operationsDir}/${operationNames.fileName}.gen.ts`,
      ),
      namedImports: [validator],
    });
    entries.push(`${objectLiteralKey(operation.name)}: ${validator},`);
  }
  imports.push({
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    moduleSpecifier: moduleSpecifier(VALIDATOR_FILES.kit),
    namedImports: ["Validator"],
  });
  file.addStatements([
    ...imports,
    blankLine,
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: "requestValidators",
          type: "Readonly<Record<string, Validator>>",
          initializer: [
            "Object.freeze(",
            "Object.assign(Object.create(null) as Record<string, Validator>, {",
            ...entries,
            "}),",
            ")",
          ].join("\n"),
        },
      ],
      docs: [
        tsDocText(
          `The request validator of every ${model.service.product} operation, by operation name.`,
          "The map has no prototype, so a name that is no operation (even `constructor`) reads as undefined.",
        ),
      ],
    },
  ]);
}
