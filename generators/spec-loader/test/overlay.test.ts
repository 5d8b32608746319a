import { describe, expect, test } from "vitest";
import { applyOverlays, parseYamlSource } from "../src/index.js";

function overlay(actions: string): ReturnType<typeof parseYamlSource> {
  return parseYamlSource(
    "test.overlay.yaml",
    `overlay: 1.0.0\ninfo: { title: t, version: 1.0.0 }\nactions:\n${actions}`,
  );
}

function base(): Record<string, unknown> {
  return {
    info: { title: "x" },
    list: [{ name: "a" }, { name: "b" }, { name: "c" }],
    schema: { enum: ["x"], nested: { keep: 1 } },
  };
}

describe("applyOverlays", () => {
  test("update merges objects and replaces lists", () => {
    const document = base();
    const problems = applyOverlays(document, [
      overlay("  - target: $.schema\n    update: { enum: [y, z], nested: { add: 2 } }\n"),
    ]);
    expect(problems).toEqual([]);
    expect(document.schema).toEqual({ enum: ["y", "z"], nested: { keep: 1, add: 2 } });
  });

  test("update appends to a selected list", () => {
    const document = base();
    applyOverlays(document, [overlay("  - target: $.list\n    update: { name: d }\n")]);
    expect(document.list).toEqual([{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d" }]);
  });

  test("remove deletes every match", () => {
    const document = base();
    const problems = applyOverlays(document, [
      overlay("  - target: $.list[?@.name != 'b']\n    remove: true\n"),
    ]);
    expect(problems).toEqual([]);
    expect(document.list).toEqual([{ name: "b" }]);
  });

  test("actions apply in order", () => {
    const document = base();
    applyOverlays(document, [
      overlay("  - target: $.info\n    update: { title: first }\n"),
      overlay("  - target: $.info\n    update: { title: second }\n"),
    ]);
    expect(document.info).toEqual({ title: "second" });
  });

  test("__proto__ stays a plain key", () => {
    const document = base();
    applyOverlays(document, [
      overlay('  - target: $.info\n    update: { "__proto__": { polluted: true } }\n'),
    ]);
    expect(Object.getPrototypeOf(document.info)).toBe(Object.prototype);
    expect(Object.hasOwn(document.info as object, "__proto__")).toBe(true);
  });

  test.each([
    ["unmatched", "  - target: $.missing\n    update: { a: 1 }\n", "overlay-target-unmatched"],
    ["bad syntax", "  - target: $.[\n    update: { a: 1 }\n", "overlay-target-syntax"],
    ["primitive", "  - target: $.info.title\n    update: { a: 1 }\n", "overlay-target-primitive"],
    ["no update", "  - target: $.info\n", "overlay-action-invalid"],
    ["list into object", "  - target: $.info\n    update: [1]\n", "overlay-update-mismatch"],
    ["root removal", "  - target: $\n    remove: true\n", "overlay-remove-root"],
  ])("%s", (_name, actions, code) => {
    const problems = applyOverlays(base(), [overlay(actions)]);
    expect(problems.map((item) => item.code)).toEqual([code]);
    expect(problems[0]?.file).toBe("test.overlay.yaml");
    expect(problems[0]?.pointer).toBe("/actions/0/target");
  });

  test("malformed overlay document", () => {
    const source = parseYamlSource("bad.overlay.yaml", "overlay: 2.0.0\nactions: []\n");
    expect(applyOverlays(base(), [source]).map((item) => item.code)).toEqual(["overlay-invalid"]);
  });
});
