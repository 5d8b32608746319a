/**
 * The table the corpus command prints: one row per product version, written as each finishes.
 * Column widths come from the product list, which is known before the first product runs.
 */
import type { MetadataFile } from "./find-metadata.js";
import type { ProductResult } from "./product-pipeline.js";

interface Column {
  readonly title: string;
  readonly align: "left" | "right";
  readonly value: (result: ProductResult) => string;
}

/** Status cell: `ok`, or `FAILED <phase>`. */
export function statusText(result: ProductResult): string {
  return result.failure === undefined ? "ok" : `FAILED ${result.failure.phase}`;
}

const COLUMNS: readonly Column[] = [
  { title: "product", align: "left", value: (result) => result.product },
  { title: "version", align: "left", value: (result) => result.version },
  { title: "style", align: "left", value: (result) => result.style },
  { title: "operations", align: "right", value: (result) => String(result.operations) },
  { title: "warnings", align: "right", value: (result) => String(result.warnings) },
  { title: "ms", align: "right", value: (result) => String(result.milliseconds) },
  { title: "status", align: "left", value: statusText },
];

/** Widest value each column may need besides the product and version names. */
const FIXED_WIDTHS = [0, 0, 8, 10, 8, 7, 18];

/** Formats the header and rows of the result table with fixed column widths. */
export class ResultTable {
  readonly #widths: readonly number[];

  constructor(files: readonly MetadataFile[]) {
    const longest = (values: readonly string[]) => Math.max(0, ...values.map((v) => v.length));
    const nameWidths = [
      longest(files.map((file) => file.product)),
      longest(files.map((file) => file.version)),
    ];
    this.#widths = COLUMNS.map((column, index) =>
      Math.max(column.title.length, nameWidths[index] ?? 0, FIXED_WIDTHS[index] ?? 0),
    );
  }

  /** Formats the header line. */
  header(): string {
    return this.#line(COLUMNS.map((column) => column.title));
  }

  /** Formats the row of one result. */
  row(result: ProductResult): string {
    return this.#line(COLUMNS.map((column) => column.value(result)));
  }

  #line(cells: readonly string[]): string {
    return cells
      .map((cell, index) => {
        const width = this.#widths[index] ?? cell.length;
        return COLUMNS[index]?.align === "right" ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  }
}

/** Totals of a run, for the closing lines. */
export interface CorpusTotals {
  readonly products: number;
  readonly passed: number;
  readonly failed: number;
  readonly operations: number;
  readonly warnings: number;
  readonly generatedFiles: number;
  readonly generatedBytes: number;
}

/** Adds up the results. */
export function totalResults(results: readonly ProductResult[]): CorpusTotals {
  const failed = results.filter((result) => result.failure !== undefined).length;
  const sum = (pick: (result: ProductResult) => number) =>
    results.reduce((total, result) => total + pick(result), 0);
  return {
    products: results.length,
    passed: results.length - failed,
    failed,
    operations: sum((result) => result.operations),
    warnings: sum((result) => result.warnings),
    generatedFiles: sum((result) => result.generatedFiles),
    generatedBytes: sum((result) => result.generatedBytes),
  };
}
