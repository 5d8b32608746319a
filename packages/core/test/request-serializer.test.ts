import {
  encodeSortedParameters,
  type OperationDescriptor,
  type ParameterDescriptor,
} from "@acs-sdk/core";
import { SerializationError } from "@acs-sdk/core/errors";
import { describe, expect, test } from "vitest";
import { serializeRequest } from "../src/serialization/request-serializer.js";

function operation(parameters: ParameterDescriptor[], pathname = "/"): OperationDescriptor {
  return { action: "Test", method: "POST", pathname, style: "RPC", readOnly: false, parameters };
}

function queryOf(parameters: ParameterDescriptor[], request: object): Record<string, string> {
  return { ...serializeRequest(operation(parameters), request).query };
}

function serializationError(run: () => unknown): SerializationError {
  try {
    run();
  } catch (error) {
    if (error instanceof SerializationError) {
      return error;
    }
    throw error;
  }
  throw new Error("expected a SerializationError");
}

// The flattening example from the official runtime's own tests (`query` and `toForm`).
const OFFICIAL_INPUT = {
  val1: "string",
  val2: undefined,
  val3: null,
  val4: 1,
  val5: true,
  val6: {
    subval1: "string",
    subval2: 1,
    subval3: true,
    subval4: null,
    subval5: ["1", 2, true, { val1: "string" }],
  },
  val7: ["1", 2, undefined, null, true, { val1: "string" }, ["substring"]],
  val8: [{ Grant: "test1", Other: "test2", Age: 123 }],
};

describe("serializeRequest flattening", () => {
  test("official query vector", () => {
    const names = Object.keys(OFFICIAL_INPUT);
    const query = queryOf(
      names.map((name) => ({ name, in: "query" })),
      OFFICIAL_INPUT,
    );
    expect(query).toEqual({
      val1: "string",
      val4: "1",
      val5: "true",
      "val6.subval1": "string",
      "val6.subval2": "1",
      "val6.subval3": "true",
      "val6.subval5.1": "1",
      "val6.subval5.2": "2",
      "val6.subval5.3": "true",
      "val6.subval5.4.val1": "string",
      "val7.1": "1",
      "val7.2": "2",
      "val7.5": "true",
      "val7.6.val1": "string",
      "val7.7.1": "substring",
      "val8.1.Grant": "test1",
      "val8.1.Other": "test2",
      "val8.1.Age": "123",
    });
  });

  test("official form vector", () => {
    const { val8: _omitted, ...input } = OFFICIAL_INPUT;
    const serialized = serializeRequest(
      operation(Object.keys(input).map((name) => ({ name, in: "formData" }))),
      input,
    );
    expect(serialized.body?.contentType).toBe("application/x-www-form-urlencoded");
    expect(serialized.body?.bytes.toString()).toBe(
      "val1=string&val4=1&val5=true&val6.subval1=string&val6.subval2=1&val6.subval3=true&val6.subval5.1=1&val6.subval5.2=2&val6.subval5.3=true&val6.subval5.4.val1=string&val7.1=1&val7.2=2&val7.5=true&val7.6.val1=string&val7.7.1=substring",
    );
  });

  test("12-item repeatList sorts X.10 before X.2", () => {
    const ids = Array.from({ length: 12 }, (_, index) => `i-${index + 1}`);
    const query = queryOf([{ name: "InstanceId", in: "query", style: "repeatList" }], {
      InstanceId: ids,
    });
    expect(Object.keys(query)).toHaveLength(12);
    expect(encodeSortedParameters(query)).toBe(
      "InstanceId.1=i-1&InstanceId.10=i-10&InstanceId.11=i-11&InstanceId.12=i-12&InstanceId.2=i-2&InstanceId.3=i-3&InstanceId.4=i-4&InstanceId.5=i-5&InstanceId.6=i-6&InstanceId.7=i-7&InstanceId.8=i-8&InstanceId.9=i-9",
    );
  });

  test("nested Filters continue numbering", () => {
    const query = queryOf([{ name: "Filters", in: "query" }], {
      Filters: [
        { Key: "vaultId", Values: ["v-1", "v-2"] },
        { Key: "status", Values: [["RUNNING"], ["DONE", "FAILED"]] },
      ],
    });
    expect(encodeSortedParameters(query)).toBe(
      "Filters.1.Key=vaultId&Filters.1.Values.1=v-1&Filters.1.Values.2=v-2&Filters.2.Key=status&Filters.2.Values.1.1=RUNNING&Filters.2.Values.2.1=DONE&Filters.2.Values.2.2=FAILED",
    );
  });

  test("flat style writes object members", () => {
    expect(
      queryOf([{ name: "Tag", in: "query", style: "flat" }], { Tag: { Env: "prod", Team: "a" } }),
    ).toEqual({
      "Tag.Env": "prod",
      "Tag.Team": "a",
    });
  });

  test("json style writes one parameter", () => {
    expect(
      queryOf([{ name: "Detail", in: "query", style: "json" }], {
        Detail: { Id: 12345678901234567890n, Paths: ["/a"] },
      }),
    ).toEqual({ Detail: '{"Id":12345678901234567890,"Paths":["/a"]}' });
  });

  test("simple style joins with commas", () => {
    expect(
      queryOf([{ name: "Ids", in: "query", style: "simple" }], { Ids: ["a", 2, undefined, 3n] }),
    ).toEqual({
      Ids: "a,2,3",
    });
  });

  test("xml style writes elements", () => {
    expect(
      queryOf([{ name: "Rule", in: "query", style: "xml" }], {
        Rule: { Name: "a<b", Ports: [80, 443] },
      }),
    ).toEqual({ Rule: "<Rule><Name>a&lt;b</Name><Ports>80</Ports><Ports>443</Ports></Rule>" });
  });

  test("absent optional sends nothing", () => {
    expect(
      queryOf(
        [
          { name: "A", in: "query" },
          { name: "B", in: "query" },
        ],
        { B: null },
      ),
    ).toEqual({});
  });

  test("int64 values keep their digits", () => {
    expect(
      queryOf(
        [
          { name: "Big", in: "query" },
          { name: "Huge", in: "query" },
          { name: "Text", in: "query" },
          { name: "Safe", in: "query" },
        ],
        { Big: 9007199254740993n, Huge: 1e21, Text: "9007199254740993", Safe: 1589753000000625 },
      ),
    ).toEqual({
      Big: "9007199254740993",
      Huge: "1000000000000000000000",
      Text: "9007199254740993",
      Safe: "1589753000000625",
    });
  });
});

describe("serializeRequest errors", () => {
  test.each([
    ["function", { A: () => 1 }, "A", "a function"],
    ["symbol in list", { A: ["x", Symbol("s")] }, "A[1]", "a symbol"],
    ["NaN", { A: Number.NaN }, "A", "NaN"],
    ["Infinity in object", { A: { B: Number.NEGATIVE_INFINITY } }, "A.B", "the number -Infinity"],
    ["Date", { A: new Date(0) }, "A", "a Date"],
  ])("%s names the path", (_name, request, path, kind) => {
    const error = serializationError(() => queryOf([{ name: "A", in: "query" }], request));
    expect(error.code).toBe("UnserializableValue");
    expect(error.path).toBe(path);
    expect(error.message).toContain(`Parameter ${path} is ${kind}`);
    expect(error.message).not.toContain("[object");
  });

  test("object in simple list", () => {
    const error = serializationError(() =>
      queryOf([{ name: "Ids", in: "query", style: "simple" }], { Ids: ["a", { b: 1 }] }),
    );
    expect(error.path).toBe("Ids[1]");
    expect(error.message).toContain("an object");
  });

  test("object in header", () => {
    const error = serializationError(() =>
      serializeRequest(operation([{ name: "x-acs-meta", in: "header" }]), {
        "x-acs-meta": { a: 1 },
      }),
    );
    expect(error.path).toBe("x-acs-meta");
    expect(error.message).toContain("an object");
  });

  test("line break in header", () => {
    const error = serializationError(() =>
      serializeRequest(operation([{ name: "x-acs-meta", in: "header" }]), {
        "x-acs-meta": "a\r\nb",
      }),
    );
    expect(error.path).toBe("x-acs-meta");
  });

  test("lone surrogate in body is written escaped", () => {
    const serialized = serializeRequest(operation([{ name: "Name", in: "body" }]), {
      Name: "\ud800",
    });
    expect(serialized.body?.bytes.toString()).toBe('{"Name":"\\ud800"}');
  });

  test("form and json bodies together", () => {
    const error = serializationError(() =>
      serializeRequest(
        operation([
          { name: "A", in: "formData" },
          { name: "B", in: "body" },
        ]),
        { A: "1", B: "2" },
      ),
    );
    expect(error.code).toBe("InvalidOperationDescriptor");
  });

  test("missing path parameter", () => {
    const error = serializationError(() =>
      serializeRequest(operation([{ name: "ClusterId", in: "path" }], "/clusters/{ClusterId}"), {}),
    );
    expect(error.path).toBe("ClusterId");
    expect(error.message).toContain("/clusters/{ClusterId}");
  });

  test("invalid host label", () => {
    const error = serializationError(() =>
      serializeRequest(operation([{ name: "Project", in: "host" }]), { Project: "a/b" }),
    );
    expect(error.path).toBe("Project");
  });
});

describe("serializeRequest placement", () => {
  test("path parameters are percent-encoded", () => {
    const serialized = serializeRequest(
      operation(
        [
          { name: "ClusterId", in: "path" },
          { name: "Name", in: "path" },
        ],
        "/clusters/{ClusterId}/files/{Name}",
      ),
      { ClusterId: "c-1", Name: "a b/c*~" },
    );
    expect(serialized.pathname).toBe("/clusters/c-1/files/a%20b%2Fc%2A~");
  });

  test("json body collects body parameters", () => {
    const serialized = serializeRequest(
      operation([
        { name: "Name", in: "body" },
        { name: "Size", in: "body" },
        { name: "Region", in: "query" },
      ]),
      { Name: "n", Size: 2n ** 64n, Region: "cn-hangzhou" },
    );
    expect(serialized.body?.contentType).toBe("application/json; charset=utf-8");
    expect(serialized.body?.bytes.toString()).toBe('{"Name":"n","Size":18446744073709551616}');
    expect(serialized.query).toEqual({ Region: "cn-hangzhou" });
  });

  test("whole-body parameter is the body", () => {
    const serialized = serializeRequest(
      operation([{ name: "body", in: "body", wholeBody: true }]),
      {
        body: { Items: [1, 2] },
      },
    );
    expect(serialized.body?.bytes.toString()).toBe('{"Items":[1,2]}');
  });

  test("header parameters use lowercase names", () => {
    const serialized = serializeRequest(
      operation([{ name: "X-Acs-Resource-Group", in: "header" }]),
      {
        "X-Acs-Resource-Group": "rg-1",
      },
    );
    expect(serialized.headers).toEqual({ "x-acs-resource-group": "rg-1" });
  });

  test("host parameters join with dots", () => {
    const serialized = serializeRequest(operation([{ name: "Project", in: "host" }]), {
      Project: "my-project",
    });
    expect(serialized.hostPrefix).toBe("my-project");
  });
});
