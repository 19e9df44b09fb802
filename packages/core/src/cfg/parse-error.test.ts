import { describe, expect, it } from "vitest";
import { HubSetupError } from "../errors.js";
import type { ConfigParseError } from "./parse-error.js";
import { parseAnsibleConfig } from "./parse.js";

const TOKEN = "0123456789abcdef0123456789abcdef01234567";

function refuse(text: string): ConfigParseError {
  const r = parseAnsibleConfig(text);
  if (r.ok) throw new Error("expected the file to be refused");
  return r.error;
}

describe("ConfigParseError", () => {
  it("is a HubSetupError with code CONFIG_PARSE, the Python class, 1-based line and column", () => {
    const e = refuse("[galaxy_server.hub]\nurl = x\nToken = a\n  TOKEN = b\nTOKEN = c\n");
    expect(e).toBeInstanceOf(HubSetupError);
    expect(e.code).toBe("CONFIG_PARSE");
    expect(e.pythonClass).toBe("DuplicateOptionError");
    expect([e.line, e.column]).toEqual([5, 1]);
    expect(e.message).toBe(
      "line 5: duplicate key `token` in [galaxy_server.hub] (first at line 3) (keys ignore case: `Token` and `TOKEN` are the same key); Ansible refuses this file.",
    );
    expect(e.hint).toMatch(/delete the other/);
  });

  it("never quotes a value: a token pasted on a line of its own, before a header or inside a section", () => {
    for (const text of [`${TOKEN}\n[galaxy]\n`, `[galaxy_server.a]\n${TOKEN}\n`, `[a]\ntoken ${TOKEN}\n`]) {
      const e = refuse(text);
      expect(e.message).not.toContain(TOKEN);
      expect(JSON.stringify(e)).not.toContain(TOKEN);
      expect(e.hint ?? "").not.toContain(TOKEN);
    }
  });

  it("explains a BOM", () => {
    const e = refuse("\ufeff[defaults]\n");
    expect(e.pythonClass).toBe("MissingSectionHeaderError");
    expect(e.message).toMatch(/^line 1: the file starts with a UTF-8 byte-order mark \(BOM\)/);
    expect(e.hint).toMatch(/without BOM/);
  });

  it("names the column of the offending text and every unreadable line", () => {
    const e = refuse("[a]\n  junk\nok = 1\nmore junk\n");
    expect(e.pythonClass).toBe("ParsingError");
    expect([e.line, e.column]).toEqual([2, 3]);
    expect(e.lines).toEqual([2, 4]);
    expect(e.message).toMatch(/^line 2: .*\(and 1 more: line 4\); Ansible refuses this file\.$/);
  });

  it("recognises a merge conflict and a nameless option", () => {
    expect(refuse("[a]\n<<<<<<< HEAD\nk = 1\n").hint).toMatch(/merge conflict/);
    expect(refuse("[a]\n= 1\n").message).toMatch(/an option with no name/);
  });

  it("points at both copies of a duplicated section", () => {
    const e = refuse("[galaxy]\na = 1\n\n[galaxy]\nb = 2\n");
    expect(e.pythonClass).toBe("DuplicateSectionError");
    expect(e.message).toBe(
      "line 4: section [galaxy] appears again (first at line 1); Ansible refuses this file.",
    );
  });
});
