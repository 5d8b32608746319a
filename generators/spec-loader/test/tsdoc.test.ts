import { describe, expect, test } from "vitest";
import { escapeTsDoc, tsDocText } from "../src/index.js";

describe("escapeTsDoc", () => {
  test.each([
    ["plain", "The widget ID.", "The widget ID."],
    ["comment end", "Ends here */ not really", "Ends here *\\/ not really"],
    ["comment start", "a /* b", "a /\\* b"],
    ["bold around a slash", "**A**/**B**", "**A**\\/\\**B**"],
    ["tag at word start", "See @internal notes", "See \\@internal notes"],
    ["inline tag", "Use {@link Foo}", "Use {\\@link Foo}"],
    ["e-mail address", "Write to ops@example.com", "Write to ops@example.com"],
    ["backticks", "Set `Alias` to `x`", "Set `Alias` to `x`"],
    ["chinese", "中文名称，最长 32 个字符。", "中文名称，最长 32 个字符。"],
    ["line endings", "a\r\nb\rc", "a\nb\nc"],
    ["blank lines", "a\n\n\n\nb  \n", "a\n\nb"],
  ])("%s", (_case, input, expected) => {
    expect(escapeTsDoc(input)).toBe(expected);
  });
});

describe("tsDocText", () => {
  test("drops empty and repeated parts", () => {
    expect(tsDocText("Summary.", undefined, "", "Summary.", "Details.")).toBe(
      "Summary.\n\nDetails.",
    );
  });
});
