import { describe, expect, it } from "vitest";
import { appendId, formatList, listParts, listSeparator, prependId, removeId } from "./server-list.js";

describe("server_list edits keep the user's layout", () => {
  it("finds the separator the user writes", () => {
    expect(listSeparator(["a,b"])).toBe(",");
    expect(listSeparator(["a , b"])).toBe(" , ");
    expect(listSeparator(["a"])).toBe(", ");
  });

  it("appends on the same line, or on a new line when the list has one id per line", () => {
    expect(appendId(["a,b"], "c")).toEqual(["a,b,c"]);
    expect(appendId(["a, b,"], "c")).toEqual(["a, b, c,"]);
    expect(appendId(["a,", "b"], "c")).toEqual(["a,", "b,", "c"]);
    expect(appendId(["", "a,", "b,"], "c")).toEqual(["", "a,", "b,", "c,"]);
    expect(appendId(["a, b,", "c, d"], "e")).toEqual(["a, b,", "c, d, e"]);
    expect(appendId([], "a")).toEqual(["a"]);
    expect(appendId([""], "a")).toEqual(["a"]);
  });

  it("prepends", () => {
    expect(prependId(["a, b"], "c")).toEqual(["c, a, b"]);
    expect(prependId(["", "a,", "b"], "c")).toEqual(["", "c,", "a,", "b"]);
  });

  it("removes every occurrence, dropping emptied lines and the comma left behind", () => {
    expect(removeId(["a, b, c"], "b")).toEqual(["a, c"]);
    expect(removeId(["a, b, c"], "a")).toEqual(["b, c"]);
    expect(removeId(["a, b, c"], "c")).toEqual(["a, b"]);
    expect(removeId(["a,", "b,", "c"], "c")).toEqual(["a,", "b"]);
    expect(removeId(["a,", "b,", "c,"], "c")).toEqual(["a,", "b,"]);
    expect(removeId(["", "a,", "b"], "a")).toEqual(["", "b"]);
    expect(removeId(["'a', b, a"], "a")).toEqual(["b"]);
    expect(removeId(["a"], "a")).toEqual([""]);
  });

  it("formats a whole list in the template's layout", () => {
    expect(formatList(["x", "y"], ["a,b"])).toEqual(["x,y"]);
    expect(formatList(["x", "y"], ["", "a,", "b"])).toEqual(["", "x,", "y"]);
    expect(formatList(["x", "y"], ["a,", "b"])).toEqual(["x,", "y"]);
    expect(formatList([], ["a"])).toEqual([]);
  });

  it("splits a value into its lines, dropping blank ones inside", () => {
    expect(listParts("a,\n\nb")).toEqual(["a,", "b"]);
    expect(listParts(undefined)).toEqual([]);
  });
});
