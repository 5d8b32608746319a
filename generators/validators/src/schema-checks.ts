/**
 * Turns a schema into the statements that check a value against it, as calls into the
 * validation kit. Component schemas (`$ref`) are checked by one function each, shared by every
 * validator; that also handles recursive schemas.
 */
import {
  camelCase,
  NameScope,
  objectLiteralKey,
  pascalCase,
  resolveSchema,
  type SchemaObject,
  type SpecModel,
  schemaRefName,
} from "@acs-sdk/spec-loader";

/** Path of a checked value: known at generation time, or computed at run time. */
export type CheckPath =
  | { readonly kind: "static"; readonly text: string }
  | { readonly kind: "dynamic"; readonly expression: string };

/** Kit functions and variables a check function must not shadow. */
const KIT_NAMES = [
  "checkArray",
  "checkBinary",
  "checkBoolean",
  "checkEnum",
  "checkInt64",
  "checkInteger",
  "checkItemCount",
  "checkLength",
  "checkNumber",
  "checkObject",
  "checkPattern",
  "checkPresent",
  "checkRange",
  "checkRoot",
  "checkString",
  "indexPath",
  "joinPath",
  "ownValue",
  "issues",
  "path",
  "value",
];

/** Names the checker function of every component schema, shared by all files of a package. */
export class ComponentCheckers {
  private readonly names = new Map<string, string>();
  private readonly scope = new NameScope({ reserved: KIT_NAMES });
  private readonly pending: string[] = [];

  /** Returns the checker of the component a `$ref` names, and queues it for emission on first use. */
  checkerFor(ref: string): string {
    const schemaName = schemaRefName(ref) ?? ref;
    let name = this.names.get(schemaName);
    if (name === undefined) {
      name = this.scope.claim(`check${pascalCase(schemaName)}Schema`);
      this.names.set(schemaName, name);
      this.pending.push(schemaName);
    }
    return name;
  }

  /** Takes the next component whose checker is still to be written. */
  nextPending(): { readonly schemaName: string; readonly functionName: string } | undefined {
    const schemaName = this.pending.shift();
    if (schemaName === undefined) {
      return undefined;
    }
    return { schemaName, functionName: this.names.get(schemaName) ?? "" };
  }
}

/** State of one generated function: its local names and what it imports. */
export class CheckContext {
  /** Kit functions the statements call. */
  readonly kit = new Set<string>();
  /** Component checkers the statements call. */
  readonly components = new Set<string>();
  private readonly locals = new NameScope({ reserved: KIT_NAMES });

  constructor(
    readonly model: SpecModel,
    private readonly checkers: ComponentCheckers,
    reservedLocals: readonly string[] = [],
  ) {
    for (const name of reservedLocals) {
      this.locals.claim(name);
    }
  }

  /** Records the use of a kit function and returns its name. */
  use(kitFunction: string): string {
    this.kit.add(kitFunction);
    return kitFunction;
  }

  /** Claims a fresh local variable named after a wire name. */
  local(wireName: string): string {
    return this.locals.claim(camelCase(wireName));
  }

  /** The checker function of a referenced component schema. */
  component(ref: string): string {
    const name = this.checkers.checkerFor(ref);
    this.components.add(name);
    return name;
  }
}

/** Writes the TypeScript expression of a path. */
export function pathExpression(path: CheckPath): string {
  return path.kind === "static" ? JSON.stringify(path.text) : path.expression;
}

/** Returns the path of property `key` below `path`. */
export function childPath(path: CheckPath, key: string, context: CheckContext): CheckPath {
  if (path.kind === "static") {
    return { kind: "static", text: path.text === "" ? key : `${path.text}.${key}` };
  }
  return {
    kind: "dynamic",
    expression: `${context.use("joinPath")}(${path.expression}, ${JSON.stringify(key)})`,
  };
}

/**
 * Writes JSON data as a TypeScript literal, spaced as TypeScript's formatter spaces it
 * (`["a", "b"]`, `{ "a": 1 }`), so that generated files need no formatting pass.
 */
export function dataLiteral(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(dataLiteral).join(", ")}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(
      ([key, item]) => `${JSON.stringify(key)}: ${dataLiteral(item)}`,
    );
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** Writes the constraint values of `keys` as an object literal, or nothing when there are none. */
function constraintsLiteral(schema: SchemaObject, keys: readonly string[]): string | undefined {
  const entries = keys
    .filter((key) => schema[key] !== undefined)
    .map((key) => `${objectLiteralKey(key)}: ${dataLiteral(schema[key])}`);
  return entries.length === 0 ? undefined : `{ ${entries.join(", ")} }`;
}

/** A constraint check on the value that a type check returned, named by `checked`. */
type ConstraintCheck = (checked: string) => string;

/**
 * Writes a type check of `value` and, when there are constraints, binds what it returns (the
 * value when it has the type) to a local that each constraint check reads.
 */
function typedChecks(
  typeCheck: string,
  value: string,
  path: string,
  context: CheckContext,
  wireName: string,
  constraints: readonly ConstraintCheck[],
): string[] {
  const call = `${context.use(typeCheck)}(${value}, ${path}, issues)`;
  if (constraints.length === 0) {
    return [`${call};`];
  }
  const checked = context.local(`checked ${wireName}`);
  return [`const ${checked} = ${call};`, ...constraints.map((constraint) => constraint(checked))];
}

/** Returns a call of `kitFunction` with the schema's values of `keys`, if it has any. */
function limitChecks(
  kitFunction: string,
  schema: SchemaObject,
  keys: readonly string[],
  path: string,
  context: CheckContext,
): ConstraintCheck[] {
  const limits = constraintsLiteral(schema, keys);
  if (limits === undefined) {
    return [];
  }
  return [(checked) => `${context.use(kitFunction)}(${checked}, ${path}, issues, ${limits});`];
}

/** Returns the enum check of a schema, if it lists values. */
function enumChecks(schema: SchemaObject, path: string, context: CheckContext): ConstraintCheck[] {
  const allowed = schema.enum;
  if (allowed === undefined) {
    return [];
  }
  return [
    (checked) =>
      `${context.use("checkEnum")}(${checked}, ${path}, issues, ${dataLiteral(allowed)});`,
  ];
}

function isJavaScriptPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

/** Returns the type a schema checks for. `type: [T, "null"]` counts as `T`, because null means absent. */
function primaryType(schema: SchemaObject): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((item) => item !== undefined && item !== "null");
  if (type !== undefined) {
    return type;
  }
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) {
    return "object";
  }
  return schema.items === undefined ? undefined : "array";
}

const LENGTH_CONSTRAINTS = ["minLength", "maxLength"];

function stringChecks(
  schema: SchemaObject,
  value: string,
  path: string,
  context: CheckContext,
  wireName: string,
): string[] {
  if (schema.format === "binary") {
    return [`${context.use("checkBinary")}(${value}, ${path}, issues);`];
  }
  const statements: string[] = [];
  const constraints = limitChecks("checkLength", schema, LENGTH_CONSTRAINTS, path, context);
  const { pattern } = schema;
  if (pattern !== undefined && !isJavaScriptPattern(pattern)) {
    statements.push(
      `// NOTE: the pattern ${JSON.stringify(pattern)} is no JavaScript regular expression, so it is not checked.`,
    );
  } else if (pattern !== undefined) {
    constraints.push(
      (checked) =>
        `${context.use("checkPattern")}(${checked}, ${path}, issues, ${JSON.stringify(pattern)});`,
    );
  }
  constraints.push(...enumChecks(schema, path, context));
  statements.push(...typedChecks("checkString", value, path, context, wireName, constraints));
  return statements;
}

const RANGE_CONSTRAINTS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"];

function numberChecks(
  schema: SchemaObject,
  value: string,
  path: string,
  context: CheckContext,
  wireName: string,
): string[] {
  const check =
    schema.format === "int64"
      ? "checkInt64"
      : schema.type === "integer"
        ? "checkInteger"
        : "checkNumber";
  const constraints = limitChecks("checkRange", schema, RANGE_CONSTRAINTS, path, context);
  constraints.push(...enumChecks(schema, path, context));
  return typedChecks(check, value, path, context, wireName, constraints);
}

/** Binds `value` to a local variable unless it already is one. */
function bind(value: string, wireName: string, context: CheckContext): [string, string[]] {
  if (/^[A-Za-z_$][\w$]*$/.test(value)) {
    return [value, []];
  }
  const name = context.local(wireName);
  return [name, [`const ${name} = ${value};`]];
}

function arrayChecks(
  schema: SchemaObject,
  value: string,
  path: CheckPath,
  context: CheckContext,
  wireName: string,
): string[] {
  const [list, binding] = bind(value, wireName, context);
  const listPath = pathExpression(path);
  const check = `${context.use("checkArray")}(${list}, ${listPath}, issues)`;
  const counts = constraintsLiteral(schema, ["minItems", "maxItems"]);
  const countCheck =
    counts === undefined
      ? []
      : [`${context.use("checkItemCount")}(${list}, ${listPath}, issues, ${counts});`];
  const item = context.local(`${wireName}Item`);
  const index = context.local(`${wireName}Index`);
  const itemPath: CheckPath = {
    kind: "dynamic",
    expression: `${context.use("indexPath")}(${listPath}, ${index})`,
  };
  const itemChecks =
    schema.items === undefined ? [] : schemaChecks(schema.items, item, itemPath, context, wireName);
  if (itemChecks.length === 0 && countCheck.length === 0) {
    return [...binding, `${check};`];
  }
  const loop =
    itemChecks.length === 0
      ? []
      : [`for (const [${index}, ${item}] of ${list}.entries()) {`, ...itemChecks, "}"];
  return [...binding, `if (${check}) {`, ...countCheck, ...loop, "}"];
}

/** Writes the checks of an object's properties, once `object` is known to be one. */
export function propertyChecks(
  schema: SchemaObject,
  object: string,
  path: CheckPath,
  context: CheckContext,
): string[] {
  const statements: string[] = [];
  const properties = schema.properties ?? {};
  for (const key of schema.required ?? []) {
    const keyPath = pathExpression(childPath(path, key, context));
    statements.push(
      `${context.use("checkPresent")}(${object}, ${JSON.stringify(key)}, ${keyPath}, issues);`,
    );
  }
  for (const key of Object.keys(properties)) {
    const property = properties[key] as SchemaObject;
    const value = `${context.use("ownValue")}(${object}, ${JSON.stringify(key)})`;
    statements.push(...schemaChecks(property, value, childPath(path, key, context), context, key));
  }
  const extra = schema.additionalProperties;
  if (typeof extra === "object") {
    const key = context.local(`${object}Key`);
    const item = context.local(`${object}Value`);
    const itemPath: CheckPath = {
      kind: "dynamic",
      expression: `${context.use("joinPath")}(${pathExpression(path)}, ${key})`,
    };
    const itemChecks = schemaChecks(extra, item, itemPath, context, `${object}Value`);
    const declared = Object.keys(properties);
    if (itemChecks.length > 0 && declared.length === 0) {
      statements.push(
        `for (const [${key}, ${item}] of Object.entries(${object})) {`,
        ...itemChecks,
        "}",
      );
    } else if (itemChecks.length > 0) {
      statements.push(
        `for (const [${key}, ${item}] of Object.entries(${object})) {`,
        `if (!${dataLiteral(declared)}.includes(${key})) {`,
        ...itemChecks,
        "}",
        "}",
      );
    }
  }
  return statements;
}

function objectChecks(
  schema: SchemaObject,
  value: string,
  path: CheckPath,
  context: CheckContext,
  wireName: string,
): string[] {
  const [object, binding] = bind(value, wireName, context);
  const check = `${context.use("checkObject")}(${object}, ${pathExpression(path)}, issues)`;
  const inner = propertyChecks(schema, object, path, context);
  if (inner.length === 0) {
    return [...binding, `${check};`];
  }
  return [...binding, `if (${check}) {`, ...inner, "}"];
}

/**
 * Writes the statements that check `value` (a side-effect-free expression) against `schema` and push
 * problems onto `issues`. `wireName` names the local variables the statements need.
 */
export function schemaChecks(
  schema: SchemaObject,
  value: string,
  path: CheckPath,
  context: CheckContext,
  wireName: string,
): string[] {
  if (schema.$ref !== undefined) {
    return [`${context.component(schema.$ref)}(${value}, ${pathExpression(path)}, issues);`];
  }
  const statements = (schema.allOf ?? []).flatMap((part) =>
    schemaChecks(part, value, path, context, wireName),
  );
  if (schema.oneOf !== undefined || schema.anyOf !== undefined) {
    // TODO: check oneOf/anyOf alternatives; until then such values are only checked by allOf parts.
    statements.push(
      `// NOTE: ${pathExpression(path)} has alternative schemas, which are not checked.`,
    );
  }
  const type = primaryType(schema);
  const pathText = pathExpression(path);
  switch (type) {
    case "string":
      return [...statements, ...stringChecks(schema, value, pathText, context, wireName)];
    case "integer":
    case "number":
      return [...statements, ...numberChecks(schema, value, pathText, context, wireName)];
    case "boolean":
      return [...statements, `${context.use("checkBoolean")}(${value}, ${pathText}, issues);`];
    case "array":
      return [...statements, ...arrayChecks(schema, value, path, context, wireName)];
    case "object":
      return [...statements, ...objectChecks(schema, value, path, context, wireName)];
    default:
      return statements;
  }
}

/** Tells whether a schema, after following references, describes an object. */
export function describesObject(model: SpecModel, schema: SchemaObject): boolean {
  return primaryType(resolveSchema(model, schema)) === "object";
}
