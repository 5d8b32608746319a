/**
 * The one catalog of spec problems. Every problem the loader finds becomes a {@link Diagnostic}
 * with a stable code from {@link DIAGNOSTIC_CATALOG}; the loader collects them all and throws one
 * {@link SpecError}, so a spec author gets every problem of a run at once.
 */

/** A catalog entry: how to word a problem and how to fix it. */
interface CatalogEntry {
  /** Message template; `{name}` placeholders are filled from the diagnostic's parameters. */
  readonly message: string;
  /** Instruction to the spec author, which may use the same placeholders. */
  readonly fix: string;
}

/**
 * Every diagnostic code with its message and fix templates. Codes are kebab-case and stable:
 * tests, tools and humans may match on them.
 */
export const DIAGNOSTIC_CATALOG = {
  "spec-dir-missing": {
    message: "No openapi.yaml was found in {dir}.",
    fix: "Put the base document at specs/<product>/<version>/openapi.yaml.",
  },
  "file-unreadable": {
    message: "{file} cannot be read: {reason}.",
    fix: "Check that the file exists and is readable.",
  },
  "yaml-syntax": {
    message: "{file} is not valid YAML: {reason}.",
    fix: "Correct the YAML syntax at the reported line and column.",
  },
  "yaml-not-object": {
    message: "{file} must contain a mapping at its top level, not a {found} value.",
    fix: "Write the document as a YAML mapping (key: value lines).",
  },
  "overlay-invalid": {
    message: "Overlay {file} is malformed: {reason}.",
    fix: "Follow OpenAPI Overlay 1.0: `overlay: 1.0.0`, `info`, and an `actions` list.",
  },
  "overlay-action-invalid": {
    message: "Action {index} of overlay {file} (target {target}) is malformed: {reason}.",
    fix: "Give each action a `target` JSONPath and either an `update` value or `remove: true`.",
  },
  "overlay-target-syntax": {
    message:
      "Action {index} of overlay {file} has a target that is not RFC 9535 JSONPath: {target} ({reason}).",
    fix: "Correct the JSONPath expression, for example $.paths['/?Action=Name'].post.",
  },
  "overlay-target-unmatched": {
    message: "Action {index} of overlay {file} matches nothing: {target}.",
    fix: "Correct the target so that it selects a node of the document, or delete the action if the base document no longer needs it.",
  },
  "overlay-target-primitive": {
    message:
      "Action {index} of overlay {file} selects a {found} at {pointer}; overlays can only update objects and arrays.",
    fix: "Target the object that contains the value and update the property from there.",
  },
  "overlay-update-mismatch": {
    message: "Action {index} of overlay {file} merges a {found} into the object at {pointer}.",
    fix: "Give `update` an object whose properties are merged into the target object.",
  },
  "overlay-remove-root": {
    message: "Action {index} of overlay {file} would remove the document root.",
    fix: "Target the node to remove, not `$`.",
  },
  "ref-unresolved": {
    message: "The reference {ref} does not resolve.",
    fix: "Point $ref at an existing node, such as #/components/schemas/<Name>, or add the missing component.",
  },
  "ref-external": {
    message: "The reference {ref} points outside the document.",
    fix: "Move the referenced definition into components and use a local #/... reference.",
  },
  "openapi-schema": {
    message: "The document breaks the OpenAPI {version} schema: {reason}.",
    fix: "Correct the node so that it follows the OpenAPI specification.",
  },
  "openapi-version": {
    message: "The document declares openapi {found}; only 3.1.x is supported.",
    fix: "Write the document as OpenAPI 3.1 (`openapi: 3.1.0`).",
  },
  "extension-missing": {
    message: "The required extension {extension} is missing.",
    fix: "Add {extension} as described in specs/README.md.",
  },
  "extension-invalid": {
    message: "{extension} is {found}, but {expected}.",
    fix: "Set {extension} as described in specs/README.md.",
  },
  "extension-unknown": {
    message:
      "{extension} is not an extension of the acs-sdk conventions, so no generator reads it.",
    fix: "Correct the name to one listed in specs/README.md, or use a name outside x-acs-* for your own data.",
  },
  "operation-method-count": {
    message:
      "The path {path} has {count} operation methods; each path key holds exactly one operation.",
    fix: "Give every operation its own path key (`/?Action=<Name>` for RPC operations).",
  },
  "operation-method-mismatch": {
    message: "x-acs-method is {found}, but the operation is filed under the method key {expected}.",
    fix: "Make x-acs-method the upper-case form of the method key.",
  },
  "operation-method-unsupported": {
    message: "The method {method} is not one a generated client sends.",
    fix: "Use GET, POST, PUT, DELETE, PATCH, HEAD or OPTIONS.",
  },
  "operation-duplicate": {
    message: "The operation name {name} is used twice (also at {other}).",
    fix: "Give every operation a unique operationId.",
  },
  "parameter-schema-missing": {
    message: "The parameter {name} has no schema.",
    fix: "Add a `schema` (for example `schema: { type: string }`) to the parameter.",
  },
  "parameter-duplicate": {
    message: "The request parameter {name} is declared twice (also at {other}).",
    fix: "Keep one declaration per wire name across parameters and request body properties.",
  },
  "parameter-location-unsupported": {
    message: "The parameter {name} is sent in {location}, which Alibaba Cloud APIs do not use.",
    fix: "Use query, path or header (with `x-acs-in: host` for host parameters), or a request body property.",
  },
  "request-body-unsupported": {
    message: "The request body media type {mediaType} is not supported.",
    fix: "Use application/json, application/x-www-form-urlencoded or application/octet-stream.",
  },
  "schema-enum-empty": {
    message: "The schema has an empty `enum`, so no value is valid.",
    fix: "List the allowed values in `enum`, or remove `enum` to allow any value of the type.",
  },
  "schema-type-invalid": {
    message: "The schema `type` {type} is not a JSON Schema type.",
    fix: "Use one of array, boolean, integer, null, number, object or string (or a list of them).",
  },
  "schema-default-out-of-range": {
    message: "The `default` {value} breaks the schema's `{keyword}` of {bound}.",
    fix: "Change `default` to a value within the bounds, or correct `{keyword}`.",
  },
  "response-missing": {
    message: "The operation {name} has no `200` response.",
    fix: 'Add responses."200" with the success body schema and an example.',
  },
} as const satisfies Record<string, CatalogEntry>;

/** A stable diagnostic code. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CATALOG;

/** Values filled into a diagnostic's templates. */
export type DiagnosticParams = Readonly<Record<string, string | number>>;

/** One problem found in a spec. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  /** The filled message template: what is wrong, naming the value. */
  readonly message: string;
  /** The filled fix template: what to do. */
  readonly fix: string;
  /** File that contains the problem (the overlay file for overlay problems). */
  readonly file: string;
  /** JSON pointer into the merged document; empty for problems of a whole file. */
  readonly pointer: string;
  /** 1-based line in `file`, when the node can be located there. */
  readonly line?: number;
  /** 1-based column in `file`, when the node can be located there. */
  readonly column?: number;
}

/** Location a diagnostic points at. */
export interface DiagnosticLocation {
  readonly file: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
}

function fillTemplate(template: string, params: DiagnosticParams): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/** Creates a diagnostic from its catalog entry. */
export function createDiagnostic(
  code: DiagnosticCode,
  location: DiagnosticLocation,
  params: DiagnosticParams = {},
): Diagnostic {
  const entry: CatalogEntry = DIAGNOSTIC_CATALOG[code];
  return {
    code,
    message: fillTemplate(entry.message, params),
    fix: fillTemplate(entry.fix, params),
    file: location.file,
    pointer: location.pointer ?? "",
    ...(location.line === undefined ? {} : { line: location.line }),
    ...(location.column === undefined ? {} : { column: location.column }),
  };
}

/**
 * Renders a diagnostic as two lines: `file:line:column pointer [code] message` and `  fix: …`.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const position =
    diagnostic.line === undefined
      ? diagnostic.file
      : `${diagnostic.file}:${diagnostic.line}:${diagnostic.column ?? 1}`;
  const pointer = diagnostic.pointer === "" ? "" : ` #${diagnostic.pointer}`;
  return `${position}${pointer} [${diagnostic.code}] ${diagnostic.message}\n  fix: ${diagnostic.fix}`;
}

/** Thrown by the loader when a spec has problems; carries every diagnostic of the run. */
export class SpecError extends Error {
  /** The code of the first diagnostic, for callers that branch on one code. */
  readonly code: DiagnosticCode;
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const [first] = diagnostics;
    if (first === undefined) {
      throw new TypeError("SpecError needs at least one diagnostic.");
    }
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : "";
    super(`${formatDiagnostic(first)}${more}`);
    this.name = "SpecError";
    this.code = first.code;
    this.diagnostics = diagnostics;
  }
}
