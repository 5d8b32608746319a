import { describe, expect, test } from "vitest";
import {
  camelCase,
  kebabCase,
  NameScope,
  nameOperations,
  objectLiteralKey,
  pascalCase,
  propertyAccess,
  propertyKey,
} from "../src/index.js";

describe("case conversion", () => {
  test.each([
    ["AddCrossAccount", "AddCrossAccount", "addCrossAccount", "add-cross-account"],
    ["DescribeDBInstances", "DescribeDBInstances", "describeDBInstances", "describe-db-instances"],
    ["RunEc2Task", "RunEc2Task", "runEc2Task", "run-ec2-task"],
    ["ECSInstanceID", "ECSInstanceID", "ecsInstanceID", "ecs-instance-id"],
    ["list_widgets-v2", "ListWidgetsV2", "listWidgetsV2", "list-widgets-v2"],
    ["2Fast", "_2Fast", "_2Fast", "2-fast"],
    ["名称", "U540d79f0", "u540d79f0", "u540d79f0"],
    ["Create名称", "CreateU540d79f0", "createU540d79f0", "create-u540d79f0"],
    ["__proto__", "Proto", "proto", "proto"],
    ["a.b-c_d e", "ABCDE", "aBCDE", "a-b-c-d-e"],
    ["", "_", "_", "_"],
  ])("%s", (wire, pascal, camel, kebab) => {
    expect(pascalCase(wire)).toBe(pascal);
    expect(camelCase(wire)).toBe(camel);
    expect(kebabCase(wire)).toBe(kebab);
  });
});

describe("NameScope", () => {
  test.each([
    ["reserved word", ["delete"], ["delete_"]],
    ["default", ["default", "default"], ["default_", "default_2"]],
    ["prototype key", ["constructor", "toString"], ["constructor_", "toString_"]],
    ["global value", ["undefined"], ["undefined_"]],
    ["repeat", ["name", "name", "name"], ["name", "name_", "name_2"]],
    ["ordinary", ["addCrossAccount"], ["addCrossAccount"]],
  ])("%s", (_case, candidates, expected) => {
    const scope = new NameScope();
    expect(candidates.map((candidate) => scope.claim(candidate))).toEqual(expected);
  });

  test("case-insensitive scope", () => {
    const scope = new NameScope({ caseInsensitive: true });
    expect([scope.claim("name"), scope.claim("Name"), scope.claim("NAME")]).toEqual([
      "name",
      "Name_",
      "NAME_2",
    ]);
  });

  test("extra reserved names", () => {
    const scope = new NameScope({ reserved: ["send"] });
    expect(scope.claim("send")).toBe("send_");
  });
});

describe("property keys", () => {
  test.each([
    ["Alias", "Alias", "Alias", "request.Alias"],
    ["default", "default", "default", "request.default"],
    ["x-acs-zone", '"x-acs-zone"', '"x-acs-zone"', 'request["x-acs-zone"]'],
    ["2Fast", '"2Fast"', '"2Fast"', 'request["2Fast"]'],
    ["名称", '"名称"', '"名称"', 'request["名称"]'],
    ["__proto__", "__proto__", '["__proto__"]', "request.__proto__"],
    ['a"b', '"a\\"b"', '"a\\"b"', 'request["a\\"b"]'],
  ])("%s", (wire, key, literal, access) => {
    expect(propertyKey(wire)).toBe(key);
    expect(objectLiteralKey(wire)).toBe(literal);
    expect(propertyAccess("request", wire)).toBe(access);
  });
});

describe("nameOperations", () => {
  test("names stay unique and stable", () => {
    const names = nameOperations(
      [{ name: "AddX" }, { name: "Delete" }, { name: "Send" }, { name: "add-x" }, { name: "addX" }],
      ["send"],
    );
    const short = [...names.entries()].map(([name, item]) => [
      name,
      item.typeName,
      item.functionName,
      item.fileName,
    ]);
    expect(short).toEqual([
      ["AddX", "AddX", "addX", "add-x"],
      ["Delete", "Delete", "delete_", "delete"],
      ["Send", "Send", "send_", "send"],
      ["add-x", "AddX_", "addX_", "add-x_"],
      ["addX", "AddX_2", "addX_2", "add-x_2"],
    ]);
    expect(names.get("AddX")).toMatchObject({
      requestType: "AddXRequest",
      responseType: "AddXResponse",
      requestValidator: "validateAddXRequest",
      responseValidator: "validateAddXResponse",
    });
  });
});
