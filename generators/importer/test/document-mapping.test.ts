import { describe, expect, it } from "vitest";
import {
  convert,
  DEMO_ENDPOINTS,
  type Json,
  metadataDocument,
  operationAt,
  rpcOperation,
  warningsOf,
} from "./fixtures/metadata.js";

interface EndpointCase {
  readonly name: string;
  readonly endpoints: unknown;
  readonly want: Json;
  readonly server: string;
  readonly warnings?: readonly string[];
}

const endpointCases: readonly EndpointCase[] = [
  {
    name: "regional hosts with a central exception",
    endpoints: DEMO_ENDPOINTS,
    want: { rule: "regional", productId: "demo", map: { "cn-wulanchabu": "demo.aliyuncs.com" } },
    server: "https://demo.{regionId}.aliyuncs.com",
  },
  {
    name: "one central host for most regions",
    endpoints: [
      { regionId: "cn-hangzhou", endpoint: "widgets.aliyuncs.com" },
      { regionId: "cn-shanghai", endpoint: "widgets.aliyuncs.com" },
      { regionId: "ap-southeast-1", endpoint: "widgets.ap-southeast-1.aliyuncs.com" },
    ],
    want: {
      rule: "central",
      productId: "widgets",
      map: { "ap-southeast-1": "widgets.ap-southeast-1.aliyuncs.com" },
    },
    server: "https://widgets.aliyuncs.com",
  },
  {
    name: "hosts with stray whitespace are trimmed",
    endpoints: [{ regionId: "cn-hangzhou", endpoint: "demo.cn-hangzhou.aliyuncs.com\t" }],
    want: { rule: "regional", productId: "demo", map: {} },
    server: "https://demo.{regionId}.aliyuncs.com",
  },
  {
    name: "no endpoints assume the product code",
    endpoints: [],
    want: { rule: "regional", productId: "demo", map: {} },
    server: "https://demo.{regionId}.aliyuncs.com",
    warnings: ["endpoints-missing /endpoints"],
  },
  {
    name: "hosts that follow no rule are mapped one by one",
    endpoints: [
      { regionId: "cn-hangzhou", endpoint: "cn-hangzhou.widgets.example.com" },
      { regionId: "cn-beijing", endpoint: "cn-beijing.widgets.example.com" },
    ],
    want: {
      rule: "regional",
      productId: "demo",
      map: {
        "cn-beijing": "cn-beijing.widgets.example.com",
        "cn-hangzhou": "cn-hangzhou.widgets.example.com",
      },
    },
    server: "https://demo.{regionId}.aliyuncs.com",
    warnings: ["endpoint-rule-partial /endpoints"],
  },
  {
    name: "a malformed entry is reported and skipped",
    endpoints: [{ regionId: "cn-hangzhou" }, ...DEMO_ENDPOINTS],
    want: { rule: "regional", productId: "demo" },
    server: "https://demo.{regionId}.aliyuncs.com",
    warnings: ["endpoint-invalid /endpoints/0"],
  },
];

describe("document mapping", () => {
  it.each(endpointCases)("endpoint: $name", ({ endpoints, want, server, warnings = [] }) => {
    const spec = convert(metadataDocument({}, { endpoints }));
    expect(spec.document["x-acs-endpoint"]).toMatchObject(want);
    expect((spec.document.servers as Json[])[0]?.url).toBe(server);
    expect(warningsOf(spec)).toEqual(warnings);
  });

  it("writes the document-level conventions", () => {
    const spec = convert(metadataDocument({ Probe: rpcOperation() }));
    expect(spec.product).toBe("demo");
    expect(spec.version).toBe("2024-01-01");
    expect(spec.operationCount).toBe(1);
    expect(spec.document).toMatchObject({
      openapi: "3.1.0",
      info: { title: "Demo", version: "2024-01-01" },
      "x-acs-product": "demo",
      "x-acs-api-version": "2024-01-01",
      "x-acs-style": "RPC",
      "x-acs-origin": "api-docs",
      security: [{ AK: [] }],
      components: {
        securitySchemes: { AK: { "x-acs-signature": "ACS3-HMAC-SHA256" } },
        responses: {
          AcsError: {
            content: { "application/json": { schema: { $ref: "#/components/schemas/AcsError" } } },
          },
        },
      },
    });
    expect(Object.keys((spec.document.components as Json).schemas as Json)).toEqual([
      "AcsError",
      "ProbeResponse",
    ]);
  });

  it("turns nested directories into tags", () => {
    const directories = [
      "Loose",
      {
        id: 1,
        title: "Widgets",
        type: "directory",
        children: ["Probe", { id: 2, title: "Parts", type: "directory", children: ["Other"] }],
      },
    ];
    const apis = { Probe: rpcOperation(), Other: rpcOperation(), Loose: rpcOperation() };
    const spec = convert(metadataDocument(apis, { directories }));
    expect(spec.document.tags).toEqual([{ name: "Widgets" }, { name: "Widgets / Parts" }]);
    expect(operationAt(spec, "/?Action=Other").tags).toEqual(["Widgets / Parts"]);
    expect(operationAt(spec, "/?Action=Loose").tags).toBeUndefined();
  });

  it("reports a product style other than RPC and ROA", () => {
    const info = { style: "OSS", product: "Demo", version: "2024-01-01" };
    const spec = convert(
      metadataDocument({ Probe: rpcOperation({ path: "/?stat", methods: ["get"] }) }, { info }),
    );
    expect(spec.document["x-acs-style"]).toBe("ROA");
    expect(warningsOf(spec)).toEqual(["style-unsupported /info/style"]);
  });

  it("renames components that OpenAPI cannot name or that take AcsError", () => {
    const schemas = {
      "Widget Spec": { type: "object" },
      AcsError: { type: "string" },
      User: { $ref: "#/components/schemas/Widget Spec" },
    };
    const spec = convert(metadataDocument({}, { components: { schemas } }));
    const components = (spec.document.components as Json).schemas as Json;
    expect(components.User).toEqual({ $ref: "#/components/schemas/Widget_Spec" });
    expect(components.AcsError_).toEqual({ type: "string" });
    expect(warningsOf(spec)).toEqual([
      "component-renamed /components/schemas/Widget Spec",
      "component-renamed /components/schemas/AcsError",
    ]);
  });

  it("keeps keys named __proto__ as data", () => {
    const text =
      '{"__proto__": {"type": "object", "properties": {"__proto__": {"type": "string"}}}}';
    const schemas = JSON.parse(text) as Json;
    const spec = convert(metadataDocument({}, { components: { schemas } }));
    const components = (spec.document.components as Json).schemas as Json;
    expect(Object.keys(components)).toEqual(["AcsError", "__proto__"]);
    expect(Object.getPrototypeOf(components)).toBe(Object.prototype);
    expect(spec.yaml).toContain(
      "    __proto__:\n      type: object\n      properties:\n        __proto__:\n",
    );
  });

  it("reads empty lists as empty maps", () => {
    const empty = rpcOperation({ responses: { "200": [] }, errorCodes: [], systemTags: [] });
    const spec = convert(metadataDocument({ Probe: empty }, { components: { schemas: [] } }));
    expect(warningsOf(spec)).toEqual([]);
    expect(convert(metadataDocument([] as unknown as Json)).operationCount).toBe(0);
  });

  it("reports unknown top-level and operation keys", () => {
    const spec = convert(metadataDocument({ Probe: rpcOperation({ shiny: true }) }, { extra: 1 }));
    expect(warningsOf(spec)).toEqual(["unknown-key /extra", "unknown-key /apis/Probe/shiny"]);
    expect(spec.diagnostics[0]).toMatchObject({ product: "demo", file: "demo/api-docs.json" });
    expect(spec.diagnostics[1]).toMatchObject({ operation: "Probe" });
  });

  it("is deterministic whatever the order of operations and keys", () => {
    const apis = { Beta: rpcOperation(), Alpha: rpcOperation({ summary: "A" }) };
    const reversed = { Alpha: rpcOperation({ summary: "A" }), Beta: rpcOperation() };
    const first = convert(metadataDocument(apis));
    const second = convert(metadataDocument(reversed));
    expect(second.yaml).toBe(first.yaml);
    expect(Object.keys(first.document.paths as Json)).toEqual(["/?Action=Alpha", "/?Action=Beta"]);
  });
});
