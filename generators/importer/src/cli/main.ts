/**
 * `pnpm specs:import <file-or-url>... [--out specs] [--force] [--quiet]`: imports api-docs
 * metadata into `<out>/<product>/<version>/openapi.yaml`.
 *
 * Exit codes: 0 imported (warnings allowed), 1 nothing written because of errors, 2 bad usage.
 */
import { isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type Diagnostic, formatDiagnostic, ImportError } from "../diagnostics.js";
import { type ImportedSpec, importSpecs } from "../import-specs.js";
import { isUrl } from "../source/read-source.js";

const USAGE = `Usage: pnpm specs:import <api-docs.json or URL>... [--out <dir>] [--force] [--quiet]

  --out <dir>  specs root; writes <dir>/<product>/<version>/openapi.yaml (default: specs)
  --force      replace an openapi.yaml that the importer did not write
  --quiet      print warning counts per code instead of every warning`;

/**
 * pnpm runs scripts from the workspace root and keeps the caller's folder in INIT_CWD. Paths are
 * shown relative to the working folder, so diagnostics stay short.
 */
function callerPath(path: string): string {
  if (isUrl(path) || isAbsolute(path)) {
    return path;
  }
  return relative(process.cwd(), resolve(process.env.INIT_CWD ?? process.cwd(), path)) || ".";
}

function printDiagnostics(diagnostics: readonly Diagnostic[], quiet: boolean): void {
  if (!quiet) {
    for (const diagnostic of diagnostics) {
      console.error(formatDiagnostic(diagnostic));
    }
    return;
  }
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) {
    const key = `${diagnostic.severity} ${diagnostic.code}`;
    counts.set(key, (counts.get(key) ?? 0) + (diagnostic.count ?? 1));
  }
  for (const [key, count] of [...counts].sort()) {
    console.error(`${key}: ${count}`);
  }
}

function describe(spec: ImportedSpec): string {
  const warnings = spec.diagnostics.filter((item) => item.severity === "warning").length;
  const overlays = spec.overlays.length === 0 ? "" : `, ${spec.overlays.length} overlay(s) kept`;
  return `${relative(process.cwd(), spec.path)}: ${spec.operationCount} operations, ${warnings} warnings${overlays}`;
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  const OPTIONS = {
    out: { type: "string" },
    force: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  } as const;
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const started = performance.now();
  // Without --out, specs/ of the workspace root, which is where pnpm runs scripts.
  const outDir = values.out === undefined ? resolve("specs") : callerPath(values.out);
  try {
    const imported = await importSpecs(positionals.map(callerPath), {
      outDir,
      force: values.force,
    });
    printDiagnostics(
      imported.flatMap((spec) => spec.diagnostics),
      values.quiet,
    );
    for (const spec of imported) {
      console.log(describe(spec));
    }
    const operations = imported.reduce((sum, spec) => sum + spec.operationCount, 0);
    const warnings = imported.reduce(
      (sum, spec) => sum + spec.diagnostics.filter((item) => item.severity === "warning").length,
      0,
    );
    const elapsed = Math.round(performance.now() - started);
    console.log(
      `Imported ${imported.length} spec(s), ${operations} operations, ${warnings} warnings in ${elapsed} ms.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) {
      throw error;
    }
    printDiagnostics(error.diagnostics, false);
    console.error("Nothing was written.");
    return 1;
  }
}

process.exitCode = await main();
