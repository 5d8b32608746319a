import { generatedFileHeader, loadSpec } from "@acs-sdk/spec-loader";
import { describe, expect, test } from "vitest";
import {
  copySpecWithReversedKeys,
  generatedFileContent,
  HBR_SPEC_DIR,
  WIDGETS_SPEC_DIR,
} from "../../spec-loader/test/spec-copy.js";
import { CLIENT_GENERATOR, generateClientPackage, nameClientExports } from "../src/index.js";
import { usesQuerySerializer } from "../src/operation-file.js";

describe("generateClientPackage", () => {
  test.each([
    ["hbr", HBR_SPEC_DIR],
    ["widgets", WIDGETS_SPEC_DIR],
  ])("%s snapshot", async (product, dir) => {
    const model = await loadSpec(dir);
    const generated = generateClientPackage(model);
    expect(generated.name).toBe(`@acs-sdk/${product}-client`);
    const header = generatedFileHeader(CLIENT_GENERATOR, model);
    for (const file of generated.files) {
      expect(file.content.startsWith(header)).toBe(true);
      await expect(file.content).toMatchFileSnapshot(
        `./__snapshots__/${product}/${file.path}.snap`,
      );
    }
  });

  test("one file per operation", async () => {
    const generated = generateClientPackage(await loadSpec(WIDGETS_SPEC_DIR));
    expect(generated.files.map((file) => file.path)).toEqual([
      "index.gen.ts",
      "operations/delete.gen.ts",
      "operations/list-widgets.gen.ts",
      "operations/update-widget.gen.ts",
      "operations/upload-widget-blob.gen.ts",
      "service.gen.ts",
      "widgets-client.gen.ts",
    ]);
    const operation = generatedFileContent(generated, "operations/update-widget.gen.ts");
    expect(operation).not.toContain("widgets-client");
    expect(operation).toContain('{ name: "Tags", in: "query", style: "repeatList" },');
    expect(operation).toContain('{ name: "Tenant", in: "host" },');
    expect(operation).toContain('{ name: "body", in: "body", wholeBody: true },');
    expect(operation).toContain("readOnly: false,");
    expect(operation).toContain("request: UpdateWidgetRequest, options?: CallOptions");
  });

  test("reserved and deprecated operations", async () => {
    const generated = generateClientPackage(await loadSpec(WIDGETS_SPEC_DIR));
    const remove = generatedFileContent(generated, "operations/delete.gen.ts");
    expect(remove).toContain("export function delete_(");
    expect(remove).toContain("request: DeleteRequest, options?: CallOptions");
    const upload = generatedFileContent(generated, "operations/upload-widget-blob.gen.ts");
    expect(upload).toContain(
      "@deprecated The API marks this operation as deprecated; use `Widgets::2024-01-01::UpdateWidget` instead.",
    );
    const list = generatedFileContent(generated, "operations/list-widgets.gen.ts");
    expect(list).toContain("readOnly: true,");
    expect(list).toContain("request: ListWidgetsRequest = {}");
  });

  test("descriptions are escaped", async () => {
    const generated = generateClientPackage(await loadSpec(WIDGETS_SPEC_DIR));
    const update = generatedFileContent(generated, "operations/update-widget.gen.ts");
    expect(update).toContain(
      "Comments like *\\/ and \\@internal stay text, and so do **bold**\\/\\**words** and /\\* openers.",
    );
  });

  test("names avoid inherited members", async () => {
    const model = await loadSpec(HBR_SPEC_DIR);
    const renamed = {
      ...model,
      operations: ["Send", "ToJSON", "CreateHbrClient"].map((name, index) => ({
        ...(model.operations[index] as (typeof model.operations)[number]),
        name,
      })),
    };
    const names = nameClientExports(renamed);
    expect(names.operations.get("Send")).toMatchObject({
      functionName: "send_",
      descriptor: "sendOperation",
    });
    expect(names.operations.get("ToJSON")).toMatchObject({ functionName: "toJSON_" });
    expect(names.operations.get("CreateHbrClient")).toMatchObject({
      functionName: "createHbrClient_",
    });
    expect(names).toMatchObject({ service: "hbrService", clientClass: "HbrClient" });
  });

  test("serializer per operation", async () => {
    const hbr = generateClientPackage(await loadSpec(HBR_SPEC_DIR));
    const queryOnly = generatedFileContent(hbr, "operations/add-cross-account.gen.ts");
    expect(queryOnly).not.toContain("serializeRequest");
    const widgets = generateClientPackage(await loadSpec(WIDGETS_SPEC_DIR));
    const roa = generatedFileContent(widgets, "operations/list-widgets.gen.ts");
    expect(roa).toContain('import { serializeRequest } from "@acs-sdk/core";');
    expect(roa).toContain("serialize: serializeRequest,");
  });

  test("query serializer only for plain RPC query parameters", async () => {
    const [operation] = (await loadSpec(HBR_SPEC_DIR)).operations;
    if (operation === undefined) {
      throw new Error("the HBR spec has no operation");
    }
    const [first, ...rest] = operation.parameters;
    if (first === undefined) {
      throw new Error(`${operation.name} has no parameter`);
    }
    expect(usesQuerySerializer(operation)).toBe(true);
    expect(usesQuerySerializer({ ...operation, style: "ROA" })).toBe(false);
    for (const changed of [{ style: "json" as const }, { in: "formData" as const }]) {
      const parameters = [{ ...first, ...changed }, ...rest];
      expect(usesQuerySerializer({ ...operation, parameters })).toBe(false);
    }
    const flat = [{ ...first, style: "flat" as const }, ...rest];
    expect(usesQuerySerializer({ ...operation, parameters: flat })).toBe(true);
  });

  test("output ignores key order", async () => {
    const reversed = await copySpecWithReversedKeys(WIDGETS_SPEC_DIR);
    try {
      const original = generateClientPackage(await loadSpec(WIDGETS_SPEC_DIR));
      const shuffled = generateClientPackage(await loadSpec(reversed.dir));
      expect(shuffled.files).toEqual(original.files);
    } finally {
      await reversed.remove();
    }
  });

  test("scaffold depends on the runtime and sibling packages", async () => {
    const generated = generateClientPackage(await loadSpec(HBR_SPEC_DIR));
    const manifest = JSON.parse(
      generated.scaffold.find((file) => file.path === "package.json")?.content ?? "{}",
    );
    expect(manifest.dependencies).toEqual({
      "@acs-sdk/core": "workspace:*",
      "@acs-sdk/hbr-types": "workspace:*",
      "@acs-sdk/hbr-validators": "workspace:*",
    });
  });
});
