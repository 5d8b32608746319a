import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportError, importSpecs } from "../src/index.js";
import { metadataDocument, rpcOperation } from "./fixtures/metadata.js";
import { createTempDir, listFiles, removeTempDir } from "./fixtures/temp-dir.js";

interface BadInputCase {
  readonly name: string;
  readonly text: string;
  readonly code: string;
  readonly pointer: string;
  readonly message: RegExp;
}

const withoutSchema = metadataDocument({
  Probe: rpcOperation({
    parameters: [
      { name: "Good", in: "query", schema: { type: "string" } },
      { name: "Bare", in: "query" },
    ],
  }),
});

const cases: readonly BadInputCase[] = [
  {
    name: "text that is not JSON",
    text: "<html>busy</html>",
    code: "input-not-json",
    pointer: "",
    message: /not valid JSON/,
  },
  {
    name: "JSON cut short",
    text: JSON.stringify(metadataDocument({ Probe: rpcOperation() })).slice(0, 120),
    code: "input-truncated",
    pointer: "",
    message: /not valid JSON/,
  },
  {
    name: "a top-level list",
    text: "[]",
    code: "input-not-metadata",
    pointer: "",
    message: /not a JSON object/,
  },
  {
    name: "a document without apis",
    text: JSON.stringify({ info: { style: "RPC", product: "Demo", version: "2024-01-01" } }),
    code: "input-not-metadata",
    pointer: "/apis",
    message: /`apis` is missing/,
  },
  {
    name: "a product code that is not a folder name",
    text: JSON.stringify(
      metadataDocument({}, { info: { style: "RPC", product: "../etc", version: "1" } }),
    ),
    code: "input-not-metadata",
    pointer: "/info/product",
    message: /not a plain name/,
  },
  {
    name: "a parameter without a schema",
    text: JSON.stringify(withoutSchema),
    code: "parameter-without-schema",
    pointer: "/apis/Probe/parameters/1/schema",
    message: /parameter "Bare" has no schema/,
  },
];

describe("bad input", () => {
  let dir: string;

  beforeEach(async () => {
    dir = await createTempDir();
  });

  afterEach(async () => {
    await removeTempDir(dir);
  });

  async function importText(text: string): Promise<ImportError> {
    const file = join(dir, "api-docs.json");
    await writeFile(file, text);
    const failure = await importSpecs([file], { outDir: join(dir, "specs") }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ImportError);
    return failure as ImportError;
  }

  it.each(cases)("$name", async ({ text, code, pointer, message }) => {
    const error = await importText(text);
    expect(error.code).toBe(code);
    expect(error.diagnostics[0]).toMatchObject({
      severity: "error",
      code,
      pointer,
      file: join(dir, "api-docs.json"),
    });
    expect(error.diagnostics[0]?.message).toMatch(message);
    expect(error.diagnostics[0]?.hint).not.toBe("");
    expect(await listFiles(join(dir, "specs"))).toEqual([]);
  });

  it("puts the hint on a fix line", async () => {
    const error = await importText("<html>busy</html>");
    const [headline, fix, ...rest] = error.message.split("\n");
    expect(headline).toMatch(/^error input-not-json: .*api-docs\.json#: /);
    expect(headline).not.toContain(error.diagnostics[0]?.hint);
    expect(fix).toBe(`  fix: ${error.diagnostics[0]?.hint}`);
    expect(rest).toEqual([]);
  });

  it("names the line and column of a syntax error", async () => {
    const error = await importText('{\n  "info": {,\n}');
    expect(error.diagnostics[0]?.message).toMatch(/at line 2, column 12/);
  });

  it("writes nothing when one of several files is bad", async () => {
    const good = join(dir, "good.json");
    const bad = join(dir, "bad.json");
    await writeFile(good, JSON.stringify(metadataDocument({ Probe: rpcOperation() })));
    await writeFile(bad, "{");
    const failure = await importSpecs([good, bad], { outDir: join(dir, "specs") }).catch(
      (error: unknown) => error,
    );
    expect((failure as ImportError).diagnostics.map((item) => item.file)).toEqual([bad]);
    expect(await listFiles(dir)).toEqual(["bad.json", "good.json"]);
  });

  it("reports a missing file", async () => {
    const failure = await importSpecs([join(dir, "absent.json")], { outDir: dir }).catch(
      (error: unknown) => error,
    );
    expect((failure as ImportError).code).toBe("input-unreadable");
  });

  it("refuses two sources for one product version", async () => {
    const file = join(dir, "a.json");
    await writeFile(file, JSON.stringify(metadataDocument({})));
    const failure = await importSpecs([file, file], { outDir: join(dir, "specs") }).catch(
      (error: unknown) => error,
    );
    expect((failure as ImportError).code).toBe("output-conflict");
    expect(await listFiles(join(dir, "specs"))).toEqual([]);
  });
});
