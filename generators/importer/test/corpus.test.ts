import { readdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Diagnostic, importSpecs } from "../src/index.js";
import { createTempDir, removeTempDir } from "./fixtures/temp-dir.js";

/** The 2024-06-24 snapshot of Alibaba's api-docs metadata: 231 product versions. */
const CORPUS = fileURLToPath(
  new URL("../../../../shared/alibaba-api-metadata/2024-06-24", import.meta.url),
);

async function findMetadataFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const product of (await readdir(root)).sort()) {
    for (const version of (await readdir(join(root, product))).sort()) {
      files.push(join(root, product, version, "api-docs.json"));
    }
  }
  return files;
}

const VALIDATE_WORKER = new URL("./fixtures/validate-worker.mjs", import.meta.url);

/**
 * Validates every file with `SwaggerParser.validate` (which reads YAML with js-yaml), split over
 * one worker thread per core; returns the failures.
 */
async function validateAll(
  specs: readonly { path: string; operationCount: number }[],
): Promise<string[]> {
  const lanes = Array.from(
    { length: Math.max(1, Math.min(availableParallelism(), 4)) },
    () => [] as string[],
  );
  // Largest first, round-robin, so that the lanes finish at about the same time.
  const bySize = [...specs].sort((left, right) => right.operationCount - left.operationCount);
  for (const [index, spec] of bySize.entries()) {
    lanes[index % lanes.length]?.push(spec.path);
  }
  const results = await Promise.all(
    lanes.map(
      (paths) =>
        new Promise<string[]>((resolve, reject) => {
          const worker = new Worker(VALIDATE_WORKER, { workerData: { paths } });
          worker.once("message", resolve);
          worker.once("error", reject);
          worker.once("exit", (code) =>
            reject(new Error(`the validation worker exited with ${code}`)),
          );
        }),
    ),
  );
  return results.flat();
}

function countByCode(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics.filter((item) => item.severity === "warning")) {
    counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  }
  return [...counts]
    .sort()
    .map(([code, count]) => `${code} ${count}`)
    .join(", ");
}

describe("metadata corpus", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await createTempDir();
  });

  afterAll(async () => {
    await removeTempDir(dir);
  });

  it("imports every product version as valid OpenAPI 3.1", { timeout: 600_000 }, async () => {
    const files = await findMetadataFiles(CORPUS);
    expect(files).toHaveLength(231);
    const started = performance.now();
    const imported = await importSpecs(files, { outDir: dir });
    const importMs = Math.round(performance.now() - started);
    const invalid = await validateAll(imported);
    const operations = imported.reduce((sum, spec) => sum + spec.operationCount, 0);
    const diagnostics = imported.flatMap((spec) => spec.diagnostics);
    const warnings = diagnostics.filter((item) => item.severity === "warning").length;
    // biome-ignore lint/suspicious/noConsole: the corpus totals are part of this test's output.
    console.log(
      `corpus: ${imported.length} products, ${operations} operations, ${warnings} warnings ` +
        `(imported in ${importMs} ms)\nwarnings by code: ${countByCode(diagnostics)}`,
    );
    expect(invalid).toEqual([]);
    expect(operations).toBeGreaterThan(14_000);
  });
});
