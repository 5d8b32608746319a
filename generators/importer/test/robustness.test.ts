import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertMetadataText, ImportError } from "../src/index.js";
import { type Json, metadataDocument, rpcOperation } from "./fixtures/metadata.js";

/** Converts and returns the error class name, or "ok"; anything but ImportError is a crash. */
function outcome(document: unknown): string {
  try {
    convertMetadataText("fuzz.json", JSON.stringify(document));
    return "ok";
  } catch (error) {
    if (error instanceof ImportError) {
      return "ImportError";
    }
    throw error;
  }
}

const anyJson = fc.jsonValue({ maxDepth: 4 });

/** Places where metadata values vary; each gets a random JSON value in turn. */
const placements: readonly { name: string; build: (value: unknown) => Json }[] = [
  {
    name: "a parameter schema",
    build: (value) =>
      metadataDocument({
        Probe: rpcOperation({
          parameters: [
            { name: "P", in: "query", schema: { type: "object", properties: { A: value } } },
          ],
        }),
      }),
  },
  {
    name: "a schema keyword",
    build: (value) =>
      metadataDocument(
        {},
        {
          components: {
            schemas: {
              S: { type: "integer", minimum: value, enum: [value], example: value, items: value },
            },
          },
        },
      ),
  },
  {
    name: "an operation key",
    build: (value) =>
      metadataDocument({
        Probe: rpcOperation({
          methods: value,
          security: value,
          responses: value,
          errorCodes: value,
          staticInfo: value,
          path: value,
          systemTags: value,
          responseDemo: value,
        }),
      }),
  },
  {
    name: "a response demo",
    build: (value) =>
      metadataDocument({
        Probe: rpcOperation({
          responseDemo: JSON.stringify([{ type: "json", example: JSON.stringify(value) }]),
        }),
      }),
  },
  {
    name: "the endpoints and directories",
    build: (value) =>
      metadataDocument({ Probe: rpcOperation() }, { endpoints: value, directories: value }),
  },
  {
    name: "a parameter",
    build: (value) => {
      const odd = { name: "Q", in: value, style: value, schema: { type: value, format: value } };
      return metadataDocument({ Probe: rpcOperation({ parameters: [value, odd] }) });
    },
  },
  {
    name: "the info object",
    build: (value) => metadataDocument({}, { info: value, components: value }),
  },
  {
    name: "the whole document",
    build: (value) => ({ info: { product: "Demo", version: "1" }, apis: value }) as Json,
  },
];

describe("robustness", () => {
  it.each(placements)("survives random values in $name", ({ build }) => {
    fc.assert(
      fc.property(anyJson, (value) => {
        expect(["ok", "ImportError"]).toContain(outcome(build(value)));
      }),
      { numRuns: 200 },
    );
  });
});
