import { encodeSortedParameters, percentEncode } from "@acs-sdk/core";
import { SerializationError } from "@acs-sdk/core/errors";
import { describe, expect, test } from "vitest";

describe("percentEncode", () => {
  test.each([
    ["space", "a b", "a%20b"],
    ["asterisk", "a*b", "a%2Ab"],
    ["tilde", "a~b", "a~b"],
    ["unreserved", "AZaz09-_.~", "AZaz09-_.~"],
    ["plus", "a+b", "a%2Bb"],
    ["reserved by RFC 3986", "!'()", "%21%27%28%29"],
    ["slash and equals", "/=&?", "%2F%3D%26%3F"],
    ["two-byte UTF-8", "é", "%C3%A9"],
    ["three-byte UTF-8", "备", "%E5%A4%87"],
    ["emoji", "😀", "%F0%9F%98%80"],
    ["percent", "100%", "100%25"],
    ["empty", "", ""],
  ])("%s", (_name, input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });

  test("uppercase hex", () => {
    expect(percentEncode("\u00ff\n")).toBe("%C3%BF%0A");
  });

  test("lone surrogate is an error naming the path", () => {
    let caught: unknown;
    try {
      percentEncode("a\ud800b", "Tag[0].Value");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SerializationError);
    expect((caught as SerializationError).code).toBe("InvalidUnicode");
    expect((caught as SerializationError).path).toBe("Tag[0].Value");
    expect((caught as Error).message).toContain("Tag[0].Value");
  });

  test("lone low surrogate is an error", () => {
    expect(() => percentEncode("\udc00")).toThrow(SerializationError);
  });
});

describe("encodeSortedParameters", () => {
  test("sorts names as strings", () => {
    expect(encodeSortedParameters({ "Key.2": "b", "Key.10": "j", "Key.1": "a" })).toBe(
      "Key.1=a&Key.10=j&Key.2=b",
    );
  });

  test("encodes names and values", () => {
    expect(encodeSortedParameters({ "a b": "c d", x: "" })).toBe("a%20b=c%20d&x=");
  });
});
