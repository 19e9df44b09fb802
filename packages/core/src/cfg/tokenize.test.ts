import { describe, expect, it } from "vitest";
import { tokenizeAnsibleConfig } from "./tokenize.js";

describe("tokenizeAnsibleConfig: a tolerant line view", () => {
  it("classifies each line and gives values and columns", () => {
    const lines = tokenizeAnsibleConfig(
      [
        "# top",
        "[galaxy_server.hub]",
        "  Token = abc ; old one",
        "    def",
        "",
        "; token = commented",
        "junk",
        "url=x#y",
      ].join("\r\n"),
    );
    expect(lines.map((l) => l.kind)).toEqual([
      "comment",
      "section",
      "option",
      "continuation",
      "blank",
      "comment",
      "invalid",
      "option",
    ]);
    expect(lines[0]).toEqual({
      line: 1,
      kind: "comment",
      raw: "# top",
      commentText: " top",
      commentColumn: 2,
    });
    expect(lines[1]).toMatchObject({ section: "galaxy_server.hub", raw: "[galaxy_server.hub]" });
    expect(lines[2]).toMatchObject({
      key: "token",
      value: "abc",
      valueColumn: 11,
      commentText: " old one",
      commentColumn: 16,
      section: "galaxy_server.hub",
    });
    expect(lines[3]).toMatchObject({ key: "token", value: "def", valueColumn: 5 });
    expect(lines[5]).toMatchObject({
      commentText: " token = commented",
      commentColumn: 2,
      section: "galaxy_server.hub",
    });
    expect(lines[7]).toMatchObject({ key: "url", value: "x#y", valueColumn: 5 });
  });

  it("keeps going where ConfigParser stops: options before any header, a BOM, duplicates", () => {
    const lines = tokenizeAnsibleConfig("\ufefftoken = a\n[s]\ntoken = b\nTOKEN = c\n[s]\ntoken = d\n");
    expect(lines[0]).toMatchObject({ kind: "option", key: "token", value: "a", valueColumn: 10 });
    expect(lines[0]?.section).toBeUndefined();
    expect(lines.filter((l) => l.kind === "option").map((l) => [l.section, l.value])).toEqual([
      [undefined, "a"],
      ["s", "b"],
      ["s", "c"],
      ["s", "d"],
    ]);
  });

  it("never throws and gives one entry per line, whatever the input", () => {
    for (const text of ["", "\n", "\r\n\r\n", "[", "]", "=", ";", "\ufeff", "\u0000\ud800", "a\rb\n"]) {
      const lines = tokenizeAnsibleConfig(text);
      expect(lines.length).toBe(text === "" ? 0 : text.replace(/\n$/, "").split("\n").length);
    }
  });
});
