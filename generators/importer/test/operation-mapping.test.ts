import { describe, expect, it } from "vitest";
import {
  convert,
  type Json,
  metadataDocument,
  operationAt,
  rpcOperation,
  warningsOf,
} from "./fixtures/metadata.js";

interface OperationCase {
  readonly name: string;
  /** The operation `Probe` as the metadata lists it. */
  readonly given: Json;
  /** Product style; RPC unless given. */
  readonly style?: string;
  readonly pathKey: string;
  /** Keys the converted operation must have (compared with toMatchObject). */
  readonly want: Json;
  readonly warnings?: readonly string[];
  /** Keys the converted operation must not have. */
  readonly absent?: readonly string[];
}

const OP = "/apis/Probe";

const cases: readonly OperationCase[] = [
  {
    name: "RPC prefers POST and lists every accepted method",
    given: rpcOperation({ methods: ["get", "post"] }),
    pathKey: "/?Action=Probe",
    want: {
      operationId: "Probe",
      "x-acs-action": "Probe",
      "x-acs-method": "POST",
      "x-acs-methods": ["GET", "POST"],
      "x-acs-pathname": "/",
      "x-acs-operation-type": "read",
    },
  },
  {
    name: "RPC with GET only uses GET",
    given: rpcOperation({ methods: ["get"] }),
    pathKey: "/?Action=Probe",
    want: { "x-acs-method": "GET" },
    absent: ["x-acs-methods"],
  },
  {
    name: "ROA files the operation under its path template",
    style: "ROA",
    given: rpcOperation({
      methods: ["delete"],
      path: "/widgets/{WidgetId}",
      parameters: [{ name: "WidgetId", in: "path", schema: { type: "string", required: true } }],
    }),
    pathKey: "/widgets/{WidgetId}",
    want: {
      "x-acs-method": "DELETE",
      "x-acs-pathname": "/widgets/{WidgetId}",
      parameters: [{ name: "WidgetId", in: "path", required: true, schema: { type: "string" } }],
    },
  },
  {
    name: "ROA bracket parameters are rewritten to templates",
    style: "ROA",
    given: rpcOperation({
      methods: ["get"],
      path: "/widgets/[WidgetId]/parts",
      parameters: [{ name: "WidgetId", in: "path", schema: { type: "string", required: true } }],
    }),
    pathKey: "/widgets/{WidgetId}/parts",
    want: { "x-acs-pathname": "/widgets/{WidgetId}/parts" },
    warnings: [`path-rewritten ${OP}/path`],
  },
  {
    name: "an optional path parameter is required",
    style: "ROA",
    given: rpcOperation({
      methods: ["get"],
      path: "/widgets/{WidgetId}",
      parameters: [{ name: "WidgetId", in: "path", schema: { type: "string", required: false } }],
    }),
    pathKey: "/widgets/{WidgetId}",
    want: { parameters: [{ name: "WidgetId", required: true }] },
    warnings: [`path-parameter-mismatch ${OP}/parameters/0/schema/required`],
  },
  {
    name: "readAndWrite is a write",
    given: rpcOperation({ operationType: "readAndWrite" }),
    pathKey: "/?Action=Probe",
    want: { "x-acs-operation-type": "write" },
  },
  {
    name: "a missing operation type falls back to the system tag",
    given: rpcOperation({ operationType: undefined, systemTags: { operationType: "list" } }),
    pathKey: "/?Action=Probe",
    want: { "x-acs-operation-type": "read" },
  },
  {
    name: "no operation type at all is a write, with a warning",
    given: rpcOperation({ operationType: undefined }),
    pathKey: "/?Action=Probe",
    want: { "x-acs-operation-type": "write" },
    warnings: [`operation-type-defaulted ${OP}/operationType`],
  },
  {
    name: "query, header and host parameters are OpenAPI parameters",
    given: rpcOperation({
      parameters: [
        {
          name: "Tag",
          in: "query",
          style: "repeatList",
          schema: { type: "array", items: { type: "string" }, description: "Tags." },
        },
        { name: "x-acs-demo-trace", in: "header", schema: { type: "string" } },
        {
          name: "Bucket",
          in: "host",
          schema: { type: "string", required: true, deprecated: true },
        },
      ],
    }),
    pathKey: "/?Action=Probe",
    want: {
      parameters: [
        {
          name: "Tag",
          in: "query",
          required: false,
          description: "Tags.",
          "x-acs-style": "repeatList",
          schema: { type: "array", items: { type: "string" } },
        },
        { name: "x-acs-demo-trace", in: "header", required: false, schema: { type: "string" } },
        {
          name: "Bucket",
          in: "header",
          "x-acs-in": "host",
          required: true,
          deprecated: true,
          schema: { type: "string" },
        },
      ],
    },
  },
  {
    name: "formData parameters are properties of a form body",
    given: rpcOperation({
      parameters: [
        { name: "Name", in: "formData", schema: { type: "string", required: true } },
        {
          name: "Rules",
          in: "formData",
          style: "json",
          schema: { type: "array", items: { type: "string" } },
        },
      ],
    }),
    pathKey: "/?Action=Probe",
    want: {
      parameters: [],
      requestBody: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": {
            schema: {
              type: "object",
              properties: {
                Name: { type: "string" },
                Rules: { type: "array", items: { type: "string" }, "x-acs-style": "json" },
              },
              required: ["Name"],
            },
          },
        },
      },
    },
  },
  {
    name: "an object body parameter is the whole JSON body",
    style: "ROA",
    given: rpcOperation({
      methods: ["post"],
      path: "/widgets",
      parameters: [
        {
          name: "body",
          in: "body",
          schema: { type: "object", required: true, properties: { Size: { type: "integer" } } },
        },
      ],
    }),
    pathKey: "/widgets",
    want: {
      requestBody: {
        required: true,
        "x-acs-body-name": "body",
        content: {
          "application/json": {
            schema: { type: "object", properties: { Size: { type: "integer" } } },
          },
        },
      },
    },
  },
  {
    name: "a scalar body parameter is a property of the JSON body",
    style: "ROA",
    given: rpcOperation({
      methods: ["put"],
      path: "/widgets",
      parameters: [{ name: "Label", in: "body", schema: { type: "string" } }],
    }),
    pathKey: "/widgets",
    want: {
      requestBody: {
        required: false,
        content: {
          "application/json": {
            schema: { type: "object", properties: { Label: { type: "string" } } },
          },
        },
      },
    },
  },
  {
    name: "a repeated parameter is kept once",
    given: rpcOperation({
      parameters: [
        { name: "RegionId", in: "query", schema: { type: "string" } },
        { name: "RegionId", in: "query", schema: { type: "string" } },
      ],
    }),
    pathKey: "/?Action=Probe",
    want: { parameters: [{ name: "RegionId" }] },
    warnings: [`duplicate-parameter ${OP}/parameters/1`],
  },
  {
    name: "title, summary, description and deprecation are kept as written",
    given: rpcOperation({
      title: "探测",
      summary: "探测一个小部件。",
      description: "说明。",
      extraInfo: " ",
      deprecated: true,
    }),
    pathKey: "/?Action=Probe",
    want: {
      summary: "探测一个小部件。",
      description: "说明。",
      "x-acs-title": "探测",
      deprecated: true,
    },
  },
  {
    name: "replacement operations of a deprecated one are kept",
    given: rpcOperation({
      deprecated: true,
      staticInfo: { substitutions: ["Demo::2024-01-01::ProbeV2"] },
    }),
    pathKey: "/?Action=Probe",
    want: { "x-acs-replacements": ["Demo::2024-01-01::ProbeV2"] },
  },
  {
    name: "error codes are sorted by status and code",
    given: rpcOperation({
      errorCodes: {
        "404": [{ errorCode: "Widget.NotFound", errorMessage: "The widget does not exist." }],
        "400": [
          { errorCode: "Size.Invalid", errorMessage: "Bad size." },
          { errorCode: "Name.Invalid" },
        ],
      },
    }),
    pathKey: "/?Action=Probe",
    want: {
      "x-acs-error-codes": [
        { httpStatus: 400, code: "Name.Invalid" },
        { httpStatus: 400, code: "Size.Invalid", message: "Bad size." },
        { httpStatus: 404, code: "Widget.NotFound", message: "The widget does not exist." },
      ],
    },
  },
  {
    name: "anonymous and bearer-token calls keep their security",
    given: rpcOperation({ security: [{ Anonymous: [] }, { BearerToken: [] }, { PrivateKey: [] }] }),
    pathKey: "/?Action=Probe",
    want: { security: [{}, { BearerToken: [] }] },
    warnings: [`security-unsupported ${OP}/security/2`],
  },
  {
    name: "a success status other than 200 is filed as 200",
    given: rpcOperation({ responses: { "204": {} } }),
    pathKey: "/?Action=Probe",
    want: {
      responses: {
        "200": { description: "The call succeeded. The service answers with status 204." },
      },
    },
    warnings: [`response-status-renamed ${OP}/responses/204`],
  },
  {
    name: "an operation without responses still has 200 and default",
    given: rpcOperation({ responses: {} }),
    pathKey: "/?Action=Probe",
    want: {
      responses: {
        "200": { description: "The call succeeded." },
        default: { $ref: "#/components/responses/AcsError" },
      },
    },
    warnings: [`response-missing ${OP}/responses`],
  },
  {
    name: "documented error statuses keep their schema",
    given: rpcOperation({
      responses: {
        "200": { schema: { type: "object" } },
        "4xx": { schema: { type: "object", properties: { Code: { type: "string" } } } },
      },
    }),
    pathKey: "/?Action=Probe",
    want: {
      responses: {
        "4XX": {
          description: "The call failed with status 4XX.",
          content: {
            "application/json": {
              schema: { type: "object", properties: { Code: { type: "string" } } },
            },
          },
        },
      },
    },
  },
  {
    name: "a body media type other than JSON is reported",
    style: "ROA",
    given: rpcOperation({
      methods: ["put"],
      path: "/objects",
      consumes: ["application/xml"],
      parameters: [{ name: "body", in: "body", schema: { type: "object" } }],
    }),
    pathKey: "/objects",
    want: { "x-acs-method": "PUT" },
    warnings: [`media-type-unsupported ${OP}/consumes`],
  },
];

describe("operation mapping", () => {
  it.each(cases)("$name", ({ given, style = "RPC", pathKey, want, warnings = [], absent = [] }) => {
    const info = { style, product: "Demo", version: "2024-01-01" };
    const spec = convert(metadataDocument({ Probe: given }, { info }));
    const operation = operationAt(spec, pathKey);
    expect(operation).toMatchObject(want);
    expect(absent.filter((key) => key in operation)).toEqual([]);
    expect(warningsOf(spec)).toEqual(warnings);
  });

  it("files the success schema as a component with the demo example", () => {
    const demo = [
      {
        type: "json",
        example: JSON.stringify({ RequestId: "R1" }).replace("}", ',"WidgetId":9007199254740993}'),
        errorExample: "",
      },
      { type: "xml", example: "<ProbeResponse/>", errorExample: "" },
    ];
    const spec = convert(
      metadataDocument({ Probe: rpcOperation({ responseDemo: JSON.stringify(demo) }) }),
    );
    const success = (operationAt(spec, "/?Action=Probe").responses as Json)["200"];
    expect(success).toEqual({
      description: "The call succeeded.",
      content: {
        "application/json": {
          schema: { $ref: "#/components/schemas/ProbeResponse" },
          example: { RequestId: "R1", WidgetId: 9007199254740993n },
        },
      },
    });
    const schemas = (spec.document.components as Json).schemas as Json;
    expect(schemas.ProbeResponse).toEqual({
      type: "object",
      properties: { RequestId: { type: "string" } },
    });
  });

  it("reports a response demo that does not parse", () => {
    const demo = JSON.stringify([{ type: "json", example: '{"RequestId": ' }]);
    const spec = convert(metadataDocument({ Probe: rpcOperation({ responseDemo: demo }) }));
    expect(warningsOf(spec)).toEqual([`response-example-invalid ${OP}/responseDemo`]);
  });

  it("gives operations that share an ROA path fragment keys", () => {
    const info = { style: "ROA", product: "Demo", version: "2024-01-01" };
    const apis = {
      ListWidgets: rpcOperation({ methods: ["get"], path: "/widgets" }),
      CreateWidget: rpcOperation({ methods: ["post"], path: "/widgets", operationType: "write" }),
      GetStatus: rpcOperation({ methods: ["get"], path: "/status" }),
    };
    const spec = convert(metadataDocument(apis, { info }));
    expect(Object.keys(spec.document.paths as Json)).toEqual([
      "/status",
      "/widgets#CreateWidget",
      "/widgets#ListWidgets",
    ]);
    expect(operationAt(spec, "/widgets#CreateWidget")["x-acs-pathname"]).toBe("/widgets");
  });
});
