import { describe, expect, it } from "vitest";
import { convert, type Json, metadataDocument } from "./fixtures/metadata.js";

interface SchemaCase {
  readonly name: string;
  /** The metadata schema, filed as components.schemas.Probe. */
  readonly given: Json;
  readonly want: Json;
  /** `code pointer-suffix` of the expected warnings, pointers relative to the probe. */
  readonly warnings?: readonly string[];
}

const PROBE = "/components/schemas/Probe";

const cases: readonly SchemaCase[] = [
  {
    name: "string constraints written as strings become numbers",
    given: { type: "string", minLength: 1, maxLength: "64", pattern: "^[a-z]+$" },
    want: { type: "string", minLength: 1, maxLength: 64, pattern: "^[a-z]+$" },
  },
  {
    name: "integer bounds, default and example are typed",
    given: {
      type: "integer",
      format: "int32",
      minimum: "1",
      maximum: "100",
      default: "10",
      example: "5",
    },
    want: {
      type: "integer",
      format: "int32",
      default: 10,
      minimum: 1,
      maximum: 100,
      examples: [5],
    },
  },
  {
    name: "int64 values beyond 2^53 keep every digit",
    given: {
      type: "integer",
      format: "int64",
      example: "1589753000000000625",
      maximum: "9223372036854775807",
    },
    want: {
      type: "integer",
      format: "int64",
      maximum: 9223372036854775807n,
      examples: [1589753000000000625n],
    },
  },
  {
    name: "exclusive bounds become JSON Schema 2020-12 numbers",
    given: {
      type: "number",
      format: "float",
      minimum: "0",
      exclusiveMinimum: true,
      maximum: "1.5",
      exclusiveMaximum: false,
    },
    want: { type: "number", format: "float", exclusiveMinimum: 0, maximum: 1.5 },
  },
  {
    name: "an exclusive flag without its bound is reported",
    given: { type: "integer", exclusiveMaximum: true },
    want: { type: "integer" },
    warnings: ["constraint-invalid /exclusiveMaximum"],
  },
  {
    name: "a default below the minimum is left out",
    given: { type: "integer", format: "int32", default: "-1", minimum: "1" },
    want: { type: "integer", format: "int32", minimum: 1 },
    warnings: ["default-out-of-range /default"],
  },
  {
    name: "a default within the bounds is kept",
    given: { type: "integer", default: "10", minimum: "1", maximum: "100" },
    want: { type: "integer", default: 10, minimum: 1, maximum: 100 },
  },
  {
    name: "enum titles are kept as x-acs-enum-titles",
    given: {
      type: "string",
      enum: ["Small", "Large"],
      enumValueTitles: { Small: "小", Large: "大" },
    },
    want: {
      type: "string",
      enum: ["Small", "Large"],
      "x-acs-enum-titles": { Small: "小", Large: "大" },
    },
  },
  {
    name: "enum values of an integer schema are typed",
    given: { type: "integer", enum: ["1", "2", 3] },
    want: { type: "integer", enum: [1, 2, 3] },
  },
  {
    name: "an enum with a value of the wrong type is left out whole",
    given: { type: "integer", enum: ["1", "two"] },
    want: { type: "integer" },
    warnings: ["value-unconvertible /enum"],
  },
  {
    name: "an empty enum means none",
    given: { type: "string", enum: [], example: "BACKUP" },
    want: { type: "string", examples: ["BACKUP"] },
  },
  {
    name: "boolean default and example are typed",
    given: { type: "boolean", default: "false", example: "true" },
    want: { type: "boolean", default: false, examples: [true] },
  },
  {
    name: "an empty example of a non-string type means none",
    given: { type: "integer", example: "" },
    want: { type: "integer" },
  },
  {
    name: "an example that does not fit the type is reported",
    given: { type: "integer", example: "12xx34" },
    want: { type: "integer" },
    warnings: ["value-unconvertible /example"],
  },
  {
    name: "JSON text examples of objects and arrays are parsed",
    given: { type: "object", example: '{"Key":"env","Count":2}' },
    want: { type: "object", examples: [{ Key: "env", Count: 2 }] },
  },
  {
    name: "the any type leaves the schema untyped",
    given: { type: "any", description: "Free-form value." },
    want: { description: "Free-form value." },
  },
  {
    name: "binary strings keep their format",
    given: { type: "string", format: "binary" },
    want: { type: "string", format: "binary" },
  },
  {
    name: "a format that does not fit the type is reported",
    given: { type: "string", format: "int64" },
    want: { type: "string" },
    warnings: ["format-mismatch /format"],
  },
  {
    name: "required flags of properties become a required list",
    given: {
      type: "object",
      properties: {
        Name: { type: "string", required: true, docRequired: true },
        Size: { type: "integer", format: "int64", required: false },
      },
    },
    want: {
      type: "object",
      properties: { Name: { type: "string" }, Size: { type: "integer", format: "int64" } },
      required: ["Name"],
    },
  },
  {
    name: "an empty list stands for no properties",
    given: { type: "object", properties: [] },
    want: { type: "object", properties: {} },
  },
  {
    name: "array counts and items are converted",
    given: {
      type: "array",
      maxItems: 10,
      minItems: "1",
      items: { type: "string", maxLength: "8" },
    },
    want: { type: "array", minItems: 1, maxItems: 10, items: { type: "string", maxLength: 8 } },
  },
  {
    name: "map values are converted",
    given: { type: "object", additionalProperties: { type: "integer", minimum: "0" } },
    want: { type: "object", additionalProperties: { type: "integer", minimum: 0 } },
  },
  {
    name: "a reference keeps its sibling description",
    given: { $ref: "#/components/schemas/Target", description: "The target." },
    want: { $ref: "#/components/schemas/Target", description: "The target." },
  },
  {
    name: "a reference to a missing schema is reported",
    given: { $ref: "#/components/schemas/Missing" },
    want: {},
    warnings: ["ref-unresolved /$ref"],
  },
  {
    name: "title, deprecated and readOnly are kept",
    given: { type: "string", title: "Name", deprecated: true, readOnly: true },
    want: { type: "string", title: "Name", deprecated: true, readOnly: true },
  },
  {
    name: "an unknown type is reported and left out",
    given: { type: "file" },
    want: {},
    warnings: ["type-unknown /type"],
  },
  {
    name: "an invalid pattern is reported and left out",
    given: { type: "string", pattern: "((" },
    want: { type: "string" },
    warnings: ["constraint-invalid /pattern"],
  },
  {
    name: "an unknown key is reported",
    given: { type: "string", frobnicate: 1 },
    want: { type: "string" },
    warnings: ["unknown-key /frobnicate"],
  },
];

describe("schema mapping", () => {
  it.each(cases)("$name", ({ given, want, warnings = [] }) => {
    const schemas = { Probe: given, Target: { type: "object" } };
    const spec = convert(metadataDocument({}, { components: { schemas } }));
    const components = (spec.document.components as Json).schemas as Json;
    expect(components.Probe).toEqual(want);
    const reported = spec.diagnostics
      .filter((diagnostic) => diagnostic.severity === "warning")
      .map((diagnostic) => `${diagnostic.code} ${diagnostic.pointer.replace(PROBE, "")}`);
    expect(reported).toEqual(warnings);
  });

  it("documentation-only keys are noted once per key with a count", () => {
    const schemas = {
      Probe: {
        type: "object",
        properties: {
          A: { type: "string", docRequired: true },
          B: { type: "string", docRequired: false },
        },
      },
    };
    const spec = convert(metadataDocument({}, { components: { schemas } }));
    const notes = spec.diagnostics.filter((diagnostic) => diagnostic.severity === "note");
    expect(notes).toMatchObject([
      {
        code: "documentation-only",
        count: 2,
        pointer: `${PROBE}/properties/A/docRequired`,
        product: "demo",
      },
    ]);
  });
});
