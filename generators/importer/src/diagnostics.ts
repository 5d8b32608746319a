/**
 * Everything the importer reports: a registry of stable codes with their severity and hint, the
 * diagnostic record, the collector that conversion code writes into, and the error class that
 * stops an import.
 */

/**
 * `error` stops the import and nothing is written. `warning` is metadata the importer could not
 * map; the import goes on without it. `note` is documentation-only metadata that the specs do not
 * carry (a portal rendering hint, a duplicate of a mapped key); notes are counted per document.
 */
export type Severity = "error" | "warning" | "note";

interface CodeEntry {
  readonly severity: Severity;
  /** The next step for the user, one sentence. */
  readonly hint: string;
}

/**
 * The diagnostic registry: every code the importer can report. Codes are stable; tests and
 * scripts may match on them.
 */
export const DIAGNOSTIC_CODES = {
  "input-unreadable": {
    severity: "error",
    hint: "Check that the path exists and is a readable file.",
  },
  "input-not-json": {
    severity: "error",
    hint: "Pass the api-docs.json file itself; it must be one JSON object.",
  },
  "input-truncated": {
    severity: "error",
    hint: "The text ends before the JSON value is complete; fetch or copy the file again.",
  },
  "input-not-metadata": {
    severity: "error",
    hint: "Pass an Alibaba Cloud api-docs file: an object with `info` and `apis`.",
  },
  "parameter-without-schema": {
    severity: "error",
    hint: "Every parameter needs a `schema` object; repair the metadata or fetch a newer copy.",
  },
  "download-failed": {
    severity: "error",
    hint: "Check the URL and that the server answers 200 with the JSON file.",
  },
  "download-truncated": {
    severity: "error",
    hint: "The body is shorter than the server announced; download it again.",
  },
  "output-hand-written": {
    severity: "error",
    hint: "The existing openapi.yaml was not made by the importer; pass --force to replace it.",
  },
  "output-conflict": {
    severity: "error",
    hint: "Import each product version from one source per run.",
  },
  "output-write-failed": {
    severity: "error",
    hint: "Check that the output folder is writable.",
  },
  "unknown-key": {
    severity: "warning",
    hint: "The importer does not know this key; extend the mapping or an overlay if it matters.",
  },
  "style-unsupported": {
    severity: "warning",
    hint: "Only RPC and ROA protocols are described; check the operations before generating.",
  },
  "method-missing": {
    severity: "warning",
    hint: "The importer used the style's default method; confirm it in the API reference.",
  },
  "method-unsupported": {
    severity: "warning",
    hint: "The runtime sends GET, POST, PUT, DELETE, PATCH and HEAD only.",
  },
  "operation-type-defaulted": {
    severity: "warning",
    hint: "Treated as `write` so that timeouts are not retried; set it in an overlay if it reads.",
  },
  "path-rewritten": {
    severity: "warning",
    hint: "The path template was rewritten to OpenAPI syntax; confirm the wire path.",
  },
  "path-parameter-mismatch": {
    severity: "warning",
    hint: "The path template and the `in: path` parameters disagree; fix it in an overlay.",
  },
  "rpc-path-ignored": {
    severity: "warning",
    hint: "RPC operations are sent to `/`; the listed path is not used.",
  },
  "duplicate-parameter": {
    severity: "warning",
    hint: "Only the first parameter with this name and position is kept.",
  },
  "body-conflict": {
    severity: "warning",
    hint: "The request body could not be described as one media type; check the operation.",
  },
  "media-type-unsupported": {
    severity: "warning",
    hint: "The specs describe JSON and form bodies only; this media type is not carried.",
  },
  "security-unsupported": {
    severity: "warning",
    hint: "Only AK signatures, bearer tokens and anonymous calls are described.",
  },
  "ref-unresolved": {
    severity: "warning",
    hint: "The reference names no schema under components.schemas; the value is left untyped.",
  },
  "component-renamed": {
    severity: "warning",
    hint: "OpenAPI component names allow letters, digits, `.`, `-` and `_` only.",
  },
  "value-unconvertible": {
    severity: "warning",
    hint: "The value does not fit the schema type and was left out.",
  },
  "constraint-invalid": {
    severity: "warning",
    hint: "The constraint cannot be checked as written and was left out.",
  },
  "default-out-of-range": {
    severity: "warning",
    hint: "The default breaks the schema's own bounds, so it was left out; the bounds stay.",
  },
  "format-mismatch": {
    severity: "warning",
    hint: "The format does not apply to this type and was left out.",
  },
  "type-unknown": {
    severity: "warning",
    hint: "The type is not a JSON Schema type; the value is left untyped.",
  },
  "schema-invalid": {
    severity: "warning",
    hint: "A schema must be an object; the value is left untyped.",
  },
  "response-missing": {
    severity: "warning",
    hint: "No success response is described; the generated result type will be untyped.",
  },
  "response-invalid": {
    severity: "warning",
    hint: "The response entry is not a status code with an object; it was left out.",
  },
  "response-status-renamed": {
    severity: "warning",
    hint: "The conventions file the success response under 200; its description names the status.",
  },
  "response-example-invalid": {
    severity: "warning",
    hint: "The JSON example of the response does not parse; the mock server will have none.",
  },
  "error-code-invalid": {
    severity: "warning",
    hint: "Error codes need a numeric HTTP status and an `errorCode` string.",
  },
  "endpoints-missing": {
    severity: "warning",
    hint: "No endpoints are listed; the regional rule with the product code is assumed.",
  },
  "endpoint-rule-partial": {
    severity: "warning",
    hint: "Most regions do not follow one host rule; they are listed one by one in the map.",
  },
  "endpoint-invalid": {
    severity: "warning",
    hint: "An endpoint entry needs `regionId` and `endpoint` strings; it was left out.",
  },
  "overlay-stale": {
    severity: "warning",
    hint: "The overlay no longer applies to the re-imported document; update its target.",
  },
  "documentation-only": {
    severity: "note",
    hint: "Documentation-only metadata; the specs do not carry it.",
  },
} as const satisfies Record<string, CodeEntry>;

/** A stable diagnostic code. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** One problem found while importing, with where it is. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** The input file or URL. */
  readonly file: string;
  /** JSON pointer into the input (`/apis/DescribeTask/parameters/0/schema`); `""` is the root. */
  readonly pointer: string;
  /** Product code, when known. */
  readonly product?: string;
  /** Operation name, when the problem is inside one. */
  readonly operation?: string;
  /** The problem found, naming the value. */
  readonly message: string;
  /** The change that resolves the problem, printed on its own `fix:` line. */
  readonly hint: string;
  /** For aggregated notes: how many occurrences this entry stands for. */
  readonly count?: number;
}

/**
 * Renders a diagnostic as a line with its severity, code, place and message, followed by an
 * indented `fix:` line with the hint, which is how spec-loader prints its diagnostics.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = [
    diagnostic.product,
    diagnostic.operation,
    `${diagnostic.file}#${diagnostic.pointer}`,
  ].filter((part) => part !== undefined && part !== "");
  const count =
    diagnostic.count !== undefined && diagnostic.count > 1 ? ` (${diagnostic.count}×)` : "";
  return `${diagnostic.severity} ${diagnostic.code}: ${place.join(" ")}: ${diagnostic.message}${count}\n  fix: ${diagnostic.hint}`;
}

/** Thrown when an import cannot go on; carries at least one `error` diagnostic. */
export class ImportError extends Error {
  /** The code of the first diagnostic, for callers that branch on one value. */
  readonly code: DiagnosticCode;
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "ImportError";
    const first = diagnostics[0];
    if (first === undefined) {
      throw new TypeError("ImportError needs at least one diagnostic");
    }
    this.code = first.code;
    this.diagnostics = diagnostics;
  }
}

/** The location of a diagnostic: file, pointer and the optional product and operation. */
export interface DiagnosticPlace {
  readonly file: string;
  readonly pointer: string;
  readonly product?: string;
  readonly operation?: string;
}

/** Builds a diagnostic from the registry entry of `code`. */
export function createDiagnostic(
  code: DiagnosticCode,
  place: DiagnosticPlace,
  message: string,
): Diagnostic {
  const entry: CodeEntry = DIAGNOSTIC_CODES[code];
  return { code, severity: entry.severity, ...place, message, hint: entry.hint };
}

/**
 * Collects the diagnostics of one document. Notes are aggregated per message, keeping the first
 * pointer, because documentation-only keys repeat thousands of times in large products.
 */
export class DiagnosticCollector {
  private readonly items: Diagnostic[] = [];
  private readonly notes = new Map<string, { first: Diagnostic; count: number }>();

  constructor(
    readonly file: string,
    private product?: string,
  ) {}

  /** Sets the product code once it is known, for every later diagnostic. */
  setProduct(product: string): void {
    this.product = product;
  }

  /** Records a diagnostic at `pointer`, inside `operation` when given. */
  report(code: DiagnosticCode, pointer: string, message: string, operation?: string): void {
    const place: DiagnosticPlace = {
      file: this.file,
      pointer,
      ...(this.product === undefined ? {} : { product: this.product }),
      ...(operation === undefined ? {} : { operation }),
    };
    const diagnostic = createDiagnostic(code, place, message);
    if (diagnostic.severity !== "note") {
      this.items.push(diagnostic);
      return;
    }
    const aggregate = this.notes.get(message);
    if (aggregate === undefined) {
      this.notes.set(message, { first: diagnostic, count: 1 });
    } else {
      aggregate.count += 1;
    }
  }

  /** Everything reported so far: errors and warnings in order, then the aggregated notes. */
  list(): Diagnostic[] {
    const notes = [...this.notes.values()].map(({ first, count }) => ({ ...first, count }));
    return [...this.items, ...notes];
  }

  /** Throws an {@link ImportError} when any error was reported. */
  throwIfErrors(): void {
    const errors = this.items.filter((item) => item.severity === "error");
    if (errors.length > 0) {
      throw new ImportError(errors);
    }
  }
}
