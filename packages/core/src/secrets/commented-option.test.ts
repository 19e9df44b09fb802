import { describe, expect, it } from "vitest";
import { readCommentedOption } from "./commented-option.js";

describe("readCommentedOption", () => {
  it.each([
    ["#token=abc", { key: "token", value: "abc", valueColumn: 8 }],
    ["; token = abc", { key: "token", value: "abc", valueColumn: 11 }],
    ["# # TOKEN: abc", { key: "token", value: "abc", valueColumn: 12 }],
    ["  #token = abc ; why", { key: "token", value: "abc", valueColumn: 12 }],
    ["# token=abc#def", { key: "token", value: "abc#def", valueColumn: 9 }],
  ])("reads %j", (raw, expected) => {
    expect(readCommentedOption(raw)).toEqual(expected);
    const found = readCommentedOption(raw);
    if (found) expect(raw.slice(found.valueColumn - 1).startsWith(found.value)).toBe(true);
  });

  it.each(["# just a remark", "#", "# see the token page", "# =abc", "token = abc"])(
    "finds no option in %j",
    (raw) => {
      expect(readCommentedOption(raw)).toBeUndefined();
    },
  );
});
