import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  type Diagnostic,
  findSpecs,
  formatDiagnostic,
  loadSpec,
  type ParameterModel,
  SpecError,
  type SpecModel,
} from "../src/index.js";
import {
  copySpec,
  copySpecWithReversedKeys,
  HBR_SPEC_DIR,
  type SpecCopy,
  WIDGETS_SPEC_DIR,
} from "./spec-copy.js";

const copies: SpecCopy[] = [];

async function copy(source: string): Promise<SpecCopy> {
  const result = await copySpec(source);
  copies.push(result);
  return result;
}

afterEach(async () => {
  await Promise.all(copies.splice(0).map((item) => item.remove()));
});

async function diagnosticsOf(dir: string): Promise<readonly Diagnostic[]> {
  try {
    await loadSpec(dir);
  } catch (error) {
    if (error instanceof SpecError) {
      return error.diagnostics;
    }
    throw error;
  }
  throw new Error(`${dir} loaded without diagnostics`);
}

function parameter(model: SpecModel, operation: string, name: string): ParameterModel {
  const found = model.operations
    .find((item) => item.name === operation)
    ?.parameters.find((item) => item.name === name);
  if (found === undefined) {
    throw new Error(`${operation} has no parameter ${name}`);
  }
  return found;
}

describe("loadSpec", () => {
  test("hbr model", async () => {
    const model = await loadSpec(HBR_SPEC_DIR);
    expect(model.service).toMatchObject({
      product: "hbr",
      apiVersion: "2017-09-08",
      style: "RPC",
      endpoint: { rule: "regional", productId: "hbr" },
    });
    expect(model.service.endpoint.map["cn-wuhan"]).toBe("hbr.aliyuncs.com");
    expect(model.files.overlays.map((file) => basename(file))).toEqual([
      "constraints.overlay.yaml",
    ]);
    const [operation] = model.operations;
    expect(operation).toMatchObject({
      name: "AddCrossAccount",
      method: "POST",
      pathname: "/",
      operationType: "write",
      response: { status: "200", example: { Success: true } },
    });
    expect(operation?.parameters.map((item) => item.name)).toEqual([
      "Alias",
      "CrossAccountRoleName",
      "CrossAccountType",
      "CrossAccountUserId",
    ]);
    expect(parameter(model, "AddCrossAccount", "Alias").schema.maxLength).toBe(32);
    expect(parameter(model, "AddCrossAccount", "CrossAccountType").schema.enum).toEqual([
      "CROSS_ACCOUNT",
      "CROSS_ACCOUNT_BY_RD",
    ]);
  });

  test("parameter positions and styles", async () => {
    const model = await loadSpec(WIDGETS_SPEC_DIR);
    expect(model.operations.map((item) => item.name)).toEqual([
      "Delete",
      "ListWidgets",
      "UpdateWidget",
      "UploadWidgetBlob",
    ]);
    const positions = (name: string) =>
      model.operations
        .find((item) => item.name === name)
        ?.parameters.map((item) => [item.name, item.in, item.style ?? "-", item.wholeBody]);
    expect(positions("UpdateWidget")).toEqual([
      ["ClientToken", "query", "-", false],
      ["Filter", "query", "flat", false],
      ["Labels", "query", "json", false],
      ["Tags", "query", "repeatList", false],
      ["Tenant", "host", "-", false],
      ["WidgetId", "path", "-", false],
      ["Zones", "query", "simple", false],
      ["body", "body", "-", true],
      ["x-acs-widget-zone", "header", "-", false],
    ]);
    expect(positions("Delete")).toContainEqual(["Ids", "formData", "-", false]);
    expect(positions("Delete")).toContainEqual(["Mode", "formData", "json", false]);
    expect(positions("UploadWidgetBlob")).toContainEqual(["body", "body", "-", true]);
    expect(parameter(model, "Delete", "Ids").required).toBe(true);
    expect(parameter(model, "ListWidgets", "PageSize").schema.maximum).toBe(100);
    expect(parameter(model, "UpdateWidget", "body").schema.$ref).toBe(
      "#/components/schemas/WidgetSettings",
    );
  });

  test("overlay update and remove", async () => {
    const model = await loadSpec(WIDGETS_SPEC_DIR);
    expect(model.schemas.Tag?.properties?.Value?.maxLength).toBe(128);
    const names = model.operations
      .find((item) => item.name === "ListWidgets")
      ?.parameters.map((item) => item.name);
    expect(names).toEqual(["Kind", "PageSize"]);
  });

  test("model ignores key order", async () => {
    const shuffled = await copySpecWithReversedKeys(WIDGETS_SPEC_DIR);
    copies.push(shuffled);
    const original = await loadSpec(WIDGETS_SPEC_DIR);
    const reordered = await loadSpec(shuffled.dir);
    const text = (model: SpecModel) =>
      JSON.stringify({ ...model, files: undefined }, (_key, value) =>
        typeof value === "bigint" ? `${value}n` : value,
      );
    expect(text(reordered)).toBe(text(original));
  });

  test("example integers keep their digits", async () => {
    const model = await loadSpec(WIDGETS_SPEC_DIR);
    const update = model.operations.find((item) => item.name === "UpdateWidget");
    expect(update?.response.example).toEqual({
      RequestId: "0A1B2C3D",
      Widget: { Size: 9007199254740993n, WidgetId: "w-1" },
    });
    expect(parameter(model, "ListWidgets", "PageSize").schema.default).toBe(10);
  });

  test("broken yaml names line and column", async () => {
    const spec = await copy(HBR_SPEC_DIR);
    await spec.edit("openapi.yaml", (text) =>
      text.replace("x-acs-style: RPC", "x-acs-style: [RPC"),
    );
    const [problem] = await diagnosticsOf(spec.dir);
    expect(problem).toMatchObject({ code: "yaml-syntax", line: expect.any(Number) });
    expect(problem?.file).toMatch(/openapi\.yaml$/);
    expect(formatDiagnostic(problem as Diagnostic)).toMatch(
      /openapi\.yaml:\d+:\d+ \[yaml-syntax\]/,
    );
  });

  test("unknown ref", async () => {
    const spec = await copy(HBR_SPEC_DIR);
    await spec.edit("openapi.yaml", (text) =>
      text.replace('"#/components/schemas/AddCrossAccountResponse"', '"#/components/schemas/Nope"'),
    );
    const problems = await diagnosticsOf(spec.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: "ref-unresolved",
      pointer:
        "/paths/~1?Action=AddCrossAccount/post/responses/200/content/application~1json/schema/$ref",
    });
    expect(problems[0]?.message).toContain("#/components/schemas/Nope");
    expect(problems[0]?.line).toBeGreaterThan(1);
  });

  test("parameter without schema", async () => {
    const spec = await copy(HBR_SPEC_DIR);
    await spec.edit("openapi.yaml", (text) =>
      text.replace(/( {10}schema:\n {12}type: string\n {12}examples:\n {14}- hbrcrossrole\n)/, ""),
    );
    const problems = await diagnosticsOf(spec.dir);
    expect(problems.map((item) => item.code)).toEqual(["parameter-schema-missing"]);
    expect(problems[0]?.message).toBe("The parameter CrossAccountRoleName has no schema.");
    expect(problems[0]?.pointer).toBe("/paths/~1?Action=AddCrossAccount/post/parameters/1");
    expect(problems[0]?.fix).toContain("schema");
  });

  test("overlay action that matches nothing", async () => {
    const spec = await copy(HBR_SPEC_DIR);
    await spec.edit("constraints.overlay.yaml", (text) => text.replace("'Alias'", "'Nickname'"));
    const problems = await diagnosticsOf(spec.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: "overlay-target-unmatched",
      pointer: "/actions/1/target",
      line: 13,
    });
    expect(problems[0]?.file).toMatch(/constraints\.overlay\.yaml$/);
    expect(problems[0]?.message).toContain("Action 1 of overlay");
    expect(problems[0]?.message).toContain("[?@.name == 'Nickname']");
  });

  test("x-acs conventions", async () => {
    const spec = await copy(HBR_SPEC_DIR);
    await spec.edit("openapi.yaml", (text) =>
      text
        .replace("x-acs-method: POST", "x-acs-method: GET")
        .replace("x-acs-operation-type: write", "x-acs-operation-type: change")
        .replace("x-acs-product: hbr\n", ""),
    );
    const problems = await diagnosticsOf(spec.dir);
    expect(problems.map((item) => [item.code, item.pointer])).toEqual([
      ["extension-missing", ""],
      ["operation-method-mismatch", "/paths/~1?Action=AddCrossAccount/post/x-acs-method"],
      ["extension-invalid", "/paths/~1?Action=AddCrossAccount/post/x-acs-operation-type"],
    ]);
    expect(problems[1]?.message).toBe(
      "x-acs-method is GET, but the operation is filed under the method key post.",
    );
  });

  test("standard schema violation", async () => {
    const spec = await copy(HBR_SPEC_DIR);
    await spec.edit("openapi.yaml", (text) => text.replace("in: query", "in: cookie-jar"));
    const problems = await diagnosticsOf(spec.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: "openapi-schema",
      pointer: "/paths/~1?Action=AddCrossAccount/post/parameters/0/in",
    });
    expect(problems[0]?.message).toContain("query, header, path, cookie");
  });

  test("empty enum", async () => {
    const spec = await copy(WIDGETS_SPEC_DIR);
    await spec.edit("openapi.yaml", (text) => text.replace("enum: [round, square]", "enum: []"));
    const problems = await diagnosticsOf(spec.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "schema-enum-empty", line: 68, column: 23 });
    expect(problems[0]?.pointer).toMatch(/\/enum$/);
    expect(problems[0]?.file).toMatch(/openapi\.yaml$/);
    expect(problems[0]?.fix).toContain("enum");
  });

  test("misspelt schema type", async () => {
    const spec = await copy(HBR_SPEC_DIR);
    await spec.edit("openapi.yaml", (text) => text.replace("type: integer", "type: integr"));
    const problems = await diagnosticsOf(spec.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: "schema-type-invalid",
      pointer: "/paths/~1?Action=AddCrossAccount/post/parameters/0/schema/type",
    });
    expect(problems[0]?.message).toContain('"integr"');
    expect(problems[0]?.fix).toContain("integer");
  });

  test("default above maximum", async () => {
    const spec = await copy(HBR_SPEC_DIR);
    await spec.edit("openapi.yaml", (text) => text.replace("default: 10", "default: 500"));
    const problems = await diagnosticsOf(spec.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "schema-default-out-of-range" });
    expect(problems[0]?.pointer).toMatch(/\/parameters\/1\/schema\/default$/);
    expect(problems[0]?.message).toContain("500");
    expect(problems[0]?.message).toContain("maximum");
  });

  test("misspelt extension", async () => {
    const spec = await copy(HBR_SPEC_DIR);
    await spec.edit("openapi.yaml", (text) =>
      text.replace("x-acs-operation-type: read", "x-acs-operation-typ: read"),
    );
    const problems = await diagnosticsOf(spec.dir);
    const unknown = problems.filter((item) => item.code === "extension-unknown");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.pointer).toMatch(/\/x-acs-operation-typ$/);
    expect(unknown[0]?.fix).toContain("specs/README.md");
  });

  test("header named like an extension", async () => {
    const spec = await copy(HBR_SPEC_DIR);
    await spec.edit("openapi.yaml", (text) =>
      text.replace(
        '        "200":\n          description: One page of relationships.',
        '        "200":\n          description: One page of relationships.\n          headers:\n            x-acs-request-id:\n              schema:\n                type: string',
      ),
    );
    const model = await loadSpec(spec.dir);
    expect(model.operations.length).toBeGreaterThan(0);
  });

  test("missing directory", async () => {
    const problems = await diagnosticsOf(`${HBR_SPEC_DIR}/missing`);
    expect(problems.map((item) => item.code)).toEqual(["spec-dir-missing"]);
  });
});

describe("findSpecs", () => {
  test("lists product versions", async () => {
    const root = new URL("../../../specs", import.meta.url).pathname;
    const found = await findSpecs(root);
    expect(found.map((item) => `${item.product}/${item.version}`)).toContain("hbr/2017-09-08");
    expect(await findSpecs(root, ["no-such-product"])).toEqual([]);
  });

  test("older versions get versioned package names", async () => {
    const root = await mkdtemp(join(tmpdir(), "acs-specs-"));
    try {
      for (const version of ["2017-09-08", "2020-01-01"]) {
        await cp(HBR_SPEC_DIR, join(root, "hbr", version), { recursive: true });
      }
      const found = await findSpecs(root);
      expect(found.map((item) => [item.version, item.packageBase])).toEqual([
        ["2017-09-08", "hbr-20170908"],
        ["2020-01-01", "hbr"],
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
