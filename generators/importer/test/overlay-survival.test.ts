import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadSpec } from "@acs-sdk/spec-loader";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ImportError, importSpecs } from "../src/index.js";
import { type Json, metadataDocument, rpcOperation } from "./fixtures/metadata.js";
import { createTempDir, removeTempDir } from "./fixtures/temp-dir.js";

const OVERLAY = `overlay: 1.0.0
info:
  title: Limits stated only in prose
  version: 1.0.0
actions:
  - target: "$.paths['/?Action=Probe'].post.parameters[?@.name == 'Size'].schema"
    update:
      maximum: 50
`;

function probeMetadata(summary: string): Json {
  const parameters = [
    { name: "Size", in: "query", schema: { type: "integer", format: "int32", required: false } },
  ];
  return metadataDocument({ Probe: rpcOperation({ summary, parameters }) });
}

describe("overlay survival", () => {
  let dir: string;
  let source: string;
  let specDir: string;

  beforeEach(async () => {
    dir = await createTempDir();
    source = join(dir, "api-docs.json");
    specDir = join(dir, "specs", "demo", "2024-01-01");
  });

  afterEach(async () => {
    await removeTempDir(dir);
  });

  async function importMetadata(metadata: Json, force = false) {
    await writeFile(source, JSON.stringify(metadata));
    return importSpecs([source], { outDir: join(dir, "specs"), force });
  }

  it("keeps an overlay across re-import and still applies it", async () => {
    await importMetadata(probeMetadata("First summary."));
    const overlayFile = join(specDir, "limits.overlay.yaml");
    await writeFile(overlayFile, OVERLAY);
    const [spec] = await importMetadata(probeMetadata("Second summary."));
    expect(spec?.overlays).toEqual([overlayFile]);
    expect(spec?.diagnostics.filter((item) => item.code === "overlay-stale")).toEqual([]);
    expect(await readFile(overlayFile, "utf8")).toBe(OVERLAY);
    const model = await loadSpec(specDir);
    const [probe] = model.operations;
    expect(probe?.summary).toBe("Second summary.");
    expect(probe?.parameters.find((parameter) => parameter.name === "Size")?.schema).toMatchObject({
      type: "integer",
      maximum: 50,
    });
  });

  it("warns when a re-import leaves an overlay action without a target", async () => {
    await importMetadata(probeMetadata("First summary."));
    const overlayFile = join(specDir, "limits.overlay.yaml");
    await writeFile(overlayFile, OVERLAY);
    const [spec] = await importMetadata(metadataDocument({ Other: rpcOperation() }));
    expect(spec?.diagnostics.filter((item) => item.code === "overlay-stale")).toMatchObject([
      { severity: "warning", file: overlayFile, pointer: "/actions/0/target" },
    ]);
    expect(await readFile(overlayFile, "utf8")).toBe(OVERLAY);
  });

  it("refuses to replace a hand-written spec unless forced", async () => {
    await importMetadata(probeMetadata("First summary."));
    const base = join(specDir, "openapi.yaml");
    const handWritten =
      "openapi: 3.1.0\ninfo:\n  title: Written by hand\n  version: '1'\npaths: {}\n";
    await writeFile(base, handWritten);
    const error = await importMetadata(probeMetadata("Second summary.")).catch(
      (caught: unknown) => caught,
    );
    expect((error as ImportError).code).toBe("output-hand-written");
    expect(await readFile(base, "utf8")).toBe(handWritten);
    await importMetadata(probeMetadata("Second summary."), true);
    expect(await readFile(base, "utf8")).toMatch(/^x-acs-origin: api-docs$/m);
  });
});
