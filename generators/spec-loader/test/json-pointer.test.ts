import { describe, expect, test } from "vitest";
import { decodePointer, encodePointer } from "../src/index.js";
import { parseNormalizedPath } from "../src/json-pointer.js";

describe("json pointers", () => {
  test.each([
    [["paths", "/?Action=A", "post"], "/paths/~1?Action=A/post"],
    [["a~b", 0], "/a~0b/0"],
    [[], ""],
  ])("%j", (segments, pointer) => {
    expect(encodePointer(segments)).toBe(pointer);
    expect(decodePointer(pointer)).toEqual(segments.map(String));
    expect(decodePointer(`#${pointer}`)).toEqual(segments.map(String));
  });
});

describe("parseNormalizedPath", () => {
  test.each([
    ["$", []],
    ["$['paths']['/?Action=A'][0]", ["paths", "/?Action=A", 0]],
    ["$['it\\'s']['a\\\\b']", ["it's", "a\\b"]],
    ["$['tab\\there']['\\u001f']", ["tab\there", "\u001f"]],
  ])("%s", (path, segments) => {
    expect(parseNormalizedPath(path)).toEqual(segments);
  });
});
