import { describe, expect, it } from "vitest";
import { parseAnsibleConfig } from "./parse.js";
import type { AnsibleConfig } from "./document.js";

function parse(text: string): AnsibleConfig {
  const r = parseAnsibleConfig(text);
  if (!r.ok) throw r.error;
  return r.config;
}

const TEXT = [
  "[DEFAULT]",
  "timeout = 30",
  "",
  "[galaxy]",
  "Server_List = a,",
  "    b",
  "",
  "[galaxy_server.a]",
  "  url = https://a.example.com/",
  "timeout = 5",
  "",
].join("\n");

describe("AnsibleConfig reads like ConfigParser", () => {
  const c = parse(TEXT);

  it("lists sections in file order without DEFAULT, and has_section is false for DEFAULT", () => {
    expect(c.sectionNames()).toEqual(["galaxy", "galaxy_server.a"]);
    expect(c.hasSection("galaxy")).toBe(true);
    expect(c.hasSection("Galaxy")).toBe(false);
    expect(c.hasSection("DEFAULT")).toBe(false);
    expect(c.hasDefaultSection()).toBe(true);
  });

  it("get inherits [DEFAULT], getOwn does not; keys are case-insensitive", () => {
    expect(c.get("galaxy", "timeout")).toBe("30");
    expect(c.getOwn("galaxy", "timeout")).toBeUndefined();
    expect(c.get("galaxy_server.a", "TIMEOUT")).toBe("5");
    expect(c.get("galaxy", "server_list")).toBe("a,\nb");
    expect(c.get("DEFAULT", "timeout")).toBe("30");
    expect(c.get("missing", "timeout")).toBeUndefined();
  });

  it("keys are own keys in file order; withDefaults adds inherited ones", () => {
    expect(c.keys("galaxy")).toEqual(["server_list"]);
    expect(c.keys("galaxy", { withDefaults: true })).toEqual(["server_list", "timeout"]);
    expect(c.keys("galaxy_server.a", { withDefaults: true })).toEqual(["url", "timeout"]);
    expect(c.keys("DEFAULT")).toEqual(["timeout"]);
    expect(c.keys("nope")).toEqual([]);
  });

  it("location points at the key that get() reads, span at its lines", () => {
    expect(c.location("galaxy_server.a", "url")).toEqual({ line: 9, column: 3 });
    expect(c.location("galaxy", "timeout")).toEqual({ line: 2, column: 1 });
    expect(c.location("galaxy", "nope")).toBeUndefined();
    expect(c.span("galaxy", "server_list")).toEqual({ startLine: 5, endLine: 6 });
    expect(c.sectionLocation("galaxy_server.a")).toEqual({ line: 8, column: 1 });
  });

  it("toView holds own values, also for a section or key named __proto__", () => {
    const v = parse("[__proto__]\n__proto__ = x\n").toView();
    expect(Object.keys(v.sections)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(v.sections)).toBe(Object.prototype);
    expect(JSON.stringify(v.sections)).toBe('{"__proto__":{"__proto__":"x"}}');
  });

  it("detects the newline style: CRLF, LF, and LF for a file with none", () => {
    expect(parse("[a]\r\nk = v\r\n").newline).toBe("\r\n");
    expect(parse("[a]\nk = v\r\nj = 1\n").newline).toBe("\n");
    expect(parse("[a]").newline).toBe("\n");
  });

  it("clone is independent", () => {
    const a = parse("[a]\nk = 1\n");
    const b = a.clone();
    b.set("a", "k", "2");
    expect(a.get("a", "k")).toBe("1");
    expect(b.toString()).toBe("[a]\nk = 2\n");
  });

  it("refuses to be built from a scan of a refused file", async () => {
    const { scanConfig } = await import("./scan.js");
    const { AnsibleConfig } = await import("./document.js");
    expect(() => new AnsibleConfig(scanConfig("k = v\n", false))).toThrow(TypeError);
  });
});
