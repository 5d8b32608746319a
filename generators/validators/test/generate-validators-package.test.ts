import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type GeneratedPackage, generatedFileHeader, loadSpec } from "@acs-sdk/spec-loader";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  copySpecWithReversedKeys,
  HBR_SPEC_DIR,
  WIDGETS_SPEC_DIR,
} from "../../spec-loader/test/spec-copy.js";
import { generateValidatorsPackage, VALIDATORS_GENERATOR } from "../src/index.js";

type Validator = (value: unknown) => { path: string; constraint: string; message: string }[];

/** The generated widgets validators, written to disk and imported like any module. */
let widgets: Record<string, unknown> & { requestValidators: Record<string, Validator> };
let directory: string;

async function writePackage(generated: GeneratedPackage, root: string): Promise<void> {
  for (const file of generated.files) {
    const path = join(root, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
}

function validator(name: string): Validator {
  return widgets[name] as Validator;
}

function messages(issues: ReturnType<Validator>): string[] {
  return issues.map((issue) => issue.message);
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "acs-validators-"));
  await writePackage(generateValidatorsPackage(await loadSpec(WIDGETS_SPEC_DIR)), directory);
  widgets = await import(join(directory, "index.gen.ts"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("generateValidatorsPackage", () => {
  test.each([
    ["hbr", HBR_SPEC_DIR],
    ["widgets", WIDGETS_SPEC_DIR],
  ])("%s snapshot", async (product, dir) => {
    const model = await loadSpec(dir);
    const generated = generateValidatorsPackage(model);
    expect(generated.name).toBe(`@acs-sdk/${product}-validators`);
    const header = generatedFileHeader(VALIDATORS_GENERATOR, model);
    for (const file of generated.files) {
      expect(file.content.startsWith(header)).toBe(true);
      await expect(file.content).toMatchFileSnapshot(
        `./__snapshots__/${product}/${file.path}.snap`,
      );
    }
  });

  test("request constraints", () => {
    const issues = validator("validateUpdateWidgetRequest")({
      WidgetId: "x-1",
      ClientToken: "t".repeat(65),
      Tags: [{ Value: "v" }, { Key: "" }],
      Filter: { Kind: "oval", Size: 11 },
      Zones: [],
      body: { Name: "n", Size: "12a", Kind: "round" },
    });
    expect(issues.map((issue) => `${issue.path} ${issue.constraint}`)).toEqual([
      "ClientToken maxLength",
      "Filter.Kind enum",
      "Filter.Size maximum",
      "Tags[0].Key required",
      "Tags[1].Key minLength",
      "WidgetId pattern",
      "Zones minItems",
      "body.Size type",
    ]);
    expect(messages(issues)).toContain('Filter.Kind must be one of round, square (got "oval").');
  });

  test("required parameters", () => {
    expect(messages(validator("validateUpdateWidgetRequest")({}))).toEqual([
      "WidgetId is required.",
      "body is required.",
    ]);
    expect(messages(validator("validateDeleteRequest")("x"))).toEqual([
      'The request must be an object (got "x").',
    ]);
  });

  test("valid request", () => {
    const issues = validator("validateUpdateWidgetRequest")({
      WidgetId: "w-1",
      Tags: [{ Key: "k", Value: "v" }],
      body: { Name: "n", Size: 9007199254740993n },
    });
    expect(issues).toEqual([]);
  });

  test("awkward wire names", () => {
    const request = JSON.parse('{"__proto__": 5, "default": "yes", "2Fast": 1.5, "名称": 1}');
    expect(messages(validator("validateDeleteRequest")({ ...request, Ids: [1] }))).toEqual([
      "2Fast must be an integer (got 1.5).",
      "__proto__ must be a string (got 5).",
      'default must be a boolean (got "yes").',
      "名称 must be a string (got 1).",
    ]);
  });

  test("recursive response schema", () => {
    const issues = validator("validateListWidgetsResponse")({
      Items: [{ Id: "a", Children: [{ Id: 1, Ratio: 0 }] }],
      Meta: { region: 5 },
    });
    expect(messages(issues)).toEqual([
      "Items[0].Children[0].Id must be a string (got 1).",
      "Items[0].Children[0].Ratio must be greater than 0 (got 0).",
      "Meta.region must be a string (got 5).",
    ]);
  });

  test("request validator map", () => {
    expect(Object.keys(widgets.requestValidators)).toEqual([
      "Delete",
      "ListWidgets",
      "UpdateWidget",
      "UploadWidgetBlob",
    ]);
    expect(widgets.requestValidators.constructor).toBeUndefined();
    expect(widgets.requestValidators.UpdateWidget).toBe(validator("validateUpdateWidgetRequest"));
  });

  test("output ignores key order", async () => {
    const reversed = await copySpecWithReversedKeys(WIDGETS_SPEC_DIR);
    try {
      const original = generateValidatorsPackage(await loadSpec(WIDGETS_SPEC_DIR));
      const shuffled = generateValidatorsPackage(await loadSpec(reversed.dir));
      expect(shuffled.files).toEqual(original.files);
    } finally {
      await reversed.remove();
    }
  });
});

test("kit has no imports", async () => {
  const generated = generateValidatorsPackage(await loadSpec(HBR_SPEC_DIR));
  const kit = generated.files.find((file) => file.path === "validation-kit.gen.ts");
  expect(kit?.content).toContain("export function checkString(");
  expect(kit?.content).not.toMatch(/^import /m);
});
