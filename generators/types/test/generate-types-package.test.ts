import { generatedFileHeader, loadSpec } from "@acs-sdk/spec-loader";
import { Project } from "ts-morph";
import { describe, expect, test } from "vitest";
import {
  copySpecWithReversedKeys,
  generatedFileContent,
  HBR_SPEC_DIR,
  WIDGETS_SPEC_DIR,
} from "../../spec-loader/test/spec-copy.js";
import { generateTypesPackage, TYPES_GENERATOR } from "../src/index.js";
import { reindentPrinted } from "../src/schema-file.js";

describe("generateTypesPackage", () => {
  test.each([
    ["hbr", HBR_SPEC_DIR],
    ["widgets", WIDGETS_SPEC_DIR],
  ])("%s snapshot", async (product, dir) => {
    const model = await loadSpec(dir);
    const generated = await generateTypesPackage(model);
    expect(generated.name).toBe(`@acs-sdk/${product}-types`);
    expect(generated.files.map((file) => file.path)).toEqual(["models.gen.ts", "schema.gen.ts"]);
    const header = generatedFileHeader(TYPES_GENERATOR, model);
    for (const file of generated.files) {
      expect(file.content.startsWith(header)).toBe(true);
      await expect(file.content).toMatchFileSnapshot(
        `./__snapshots__/${product}/${file.path}.snap`,
      );
    }
  });

  test("named models", async () => {
    const models = generatedFileContent(
      await generateTypesPackage(await loadSpec(WIDGETS_SPEC_DIR)),
      "models.gen.ts",
    );
    expect(models).toContain("export interface UpdateWidgetRequest {");
    expect(models).toContain('WidgetId: Path<"UpdateWidget">["WidgetId"];');
    expect(models).toContain('Tenant?: Header<"UpdateWidget">["Tenant"];');
    expect(models).toContain('body: RequestContent<"UpdateWidget">["application/json"];');
    expect(models).toContain(
      'Ids: RequestContent<"Delete">["application/x-www-form-urlencoded"]["Ids"];',
    );
    expect(models).toContain('"名称"?: Query<"Delete">["名称"];');
    expect(models).toMatch(/@deprecated\s+\*\/\s+export interface UploadWidgetBlobRequest/);
    expect(models).toContain("export type AcsErrorBody =");
  });

  test("int64 and binary types", async () => {
    const schema = generatedFileContent(
      await generateTypesPackage(await loadSpec(WIDGETS_SPEC_DIR)),
      "schema.gen.ts",
    );
    expect(schema).toContain("Size?: number | bigint;");
    expect(schema).toContain('"application/octet-stream": Uint8Array | string;');
  });

  test("reindent equals formatText", async () => {
    for (const dir of [HBR_SPEC_DIR, WIDGETS_SPEC_DIR]) {
      const schema = generatedFileContent(
        await generateTypesPackage(await loadSpec(dir)),
        "schema.gen.ts",
      );
      const fourSpaces = schema.replace(/^ +/gm, (indent) => indent.replace(/ {2}/g, "    "));
      const project = new Project({ useInMemoryFileSystem: true });
      const file = project.createSourceFile("/schema.ts", fourSpaces);
      file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true });
      expect(reindentPrinted(fourSpaces)).toBe(file.getFullText());
    }
  });

  test("output ignores key order", async () => {
    const reversed = await copySpecWithReversedKeys(WIDGETS_SPEC_DIR);
    try {
      const original = await generateTypesPackage(await loadSpec(WIDGETS_SPEC_DIR));
      const shuffled = await generateTypesPackage(await loadSpec(reversed.dir));
      expect(shuffled.files).toEqual(original.files);
    } finally {
      await reversed.remove();
    }
  });

  test("scaffold", async () => {
    const generated = await generateTypesPackage(await loadSpec(HBR_SPEC_DIR));
    expect(generated.scaffold.map((file) => file.path)).toEqual([
      "package.json",
      "tsconfig.json",
      "tsconfig.build.json",
      "README.md",
      "src/index.ts",
    ]);
    const manifest = JSON.parse(generated.scaffold[0]?.content ?? "{}");
    expect(manifest).toMatchObject({ name: "@acs-sdk/hbr-types", license: "Apache-2.0" });
    expect(manifest.private).toBeUndefined();
  });
});
