import { describe, expect, it } from "vitest";
import { ConfigEditError } from "./edit-result.js";
import { parseAnsibleConfig } from "./parse.js";
import type { AnsibleConfig } from "./document.js";

function parse(text: string): AnsibleConfig {
  const r = parseAnsibleConfig(text);
  if (!r.ok) throw r.error;
  return r.config;
}

function rejection(fn: () => unknown): ConfigEditError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigEditError) return e;
    throw e;
  }
  throw new Error("expected a ConfigEditError");
}

const SECRET = "s3cr3t-value-never-printed";

describe("set rejects what ConfigParser would read back differently, and says why", () => {
  const cases: [string, string, ConfigEditError["reason"]][] = [
    ["a line break", `${SECRET}\nnext`, "NEWLINE"],
    ["a carriage return", `${SECRET}\rx`, "NEWLINE"],
    ["whitespace then ;", `${SECRET} ;tail`, "INLINE_COMMENT"],
    ["a tab then ;", `${SECRET}\t;tail`, "INLINE_COMMENT"],
    ["a leading ;", `;${SECRET}`, "INLINE_COMMENT"],
    ["leading whitespace", ` ${SECRET}`, "SURROUNDING_WHITESPACE"],
    ["trailing no-break space", `${SECRET}\u00a0`, "SURROUNDING_WHITESPACE"],
  ];
  for (const [what, value, reason] of cases) {
    it(`a value with ${what}: ${reason}, typed, no value in the message, file untouched`, () => {
      const c = parse("[galaxy_server.a]\ntoken = old\n");
      const e = rejection(() => c.set("galaxy_server.a", "token", value));
      expect(e.reason).toBe(reason);
      expect(e.code).toBe("INVALID_EDIT");
      expect(e.message).toContain("`token` in [galaxy_server.a]");
      expect(e.message).not.toContain(SECRET);
      expect(JSON.stringify(e)).not.toContain(SECRET);
      expect(c.toString()).toBe("[galaxy_server.a]\ntoken = old\n");
    });
  }

  it("accepts `;` and `#` that are not comments, and quotes as given (with a warning)", () => {
    const c = parse("[a]\nk = 1\n");
    expect(c.set("a", "k", "x;y#z # w").changed).toBe(true);
    expect(c.get("a", "k")).toBe("x;y#z # w");
    const r = c.set("a", "q", '"quoted"');
    expect(r.warnings.map((w) => w.code)).toEqual(["QUOTES_STRIPPED"]);
    expect(c.toString()).toBe('[a]\nk = x;y#z # w\nq = "quoted"\n');
  });

  it("rejects keys ConfigParser would split or read as something else", () => {
    const c = parse("[a]\n");
    for (const key of ["", " k", "a=b", "a:b", "#k", ";k", "[k", "k\nx"]) {
      expect(rejection(() => c.set("a", key, "v")).reason).toBe("INVALID_KEY");
    }
    expect(c.toString()).toBe("[a]\n");
  });

  it("rejects a section name that would not read back, and leaves the file as it was", () => {
    const c = parse("[a]\nk = 1\n");
    expect(rejection(() => c.addSection("b ;c")).reason).toBe("READS_BACK_DIFFERENTLY");
    expect(rejection(() => c.set("x ;y", "k", "v")).reason).toBe("READS_BACK_DIFFERENTLY");
    expect(rejection(() => c.addSection("")).reason).toBe("INVALID_SECTION_NAME");
    expect(c.toString()).toBe("[a]\nk = 1\n");
  });

  it("writes continuation lines with setLines and refuses empty or comment-like ones", () => {
    const c = parse("[galaxy]\nserver_list = a\n");
    c.setLines("galaxy", "server_list", ["a,", "b"]);
    expect(c.toString()).toBe("[galaxy]\nserver_list = a,\n    b\n");
    expect(rejection(() => c.setLines("galaxy", "server_list", ["a,", ""])).reason).toBe("EMPTY_LINE");
    expect(rejection(() => c.setLines("galaxy", "server_list", ["a,", "#b"])).reason).toBe("INLINE_COMMENT");
    expect(rejection(() => c.setLines("galaxy", "server_list", [])).reason).toBe("EMPTY_LINE");
  });
});

describe("edits change only the lines they must", () => {
  it("keeps key case, delimiter, spacing and inline comment when replacing a value", () => {
    const c = parse("[a]\nToken\t:  old   ; note\nx=1\n");
    c.set("a", "token", "new");
    expect(c.toString()).toBe("[a]\nToken\t:  new   ; note\nx=1\n");
    c.set("a", "token", "");
    expect(c.toString()).toBe("[a]\nToken\t:   ; note\nx=1\n");
    expect(c.get("a", "token")).toBe("");
  });

  it("fills an empty value with the file's spacing", () => {
    const c = parse("[a]\nk =\nj = 2\n");
    c.set("a", "k", "v");
    expect(c.toString()).toBe("[a]\nk = v\nj = 2\n");
  });

  it("reports changed: false when the file already says so, and does not rewrite", () => {
    const c = parse("[a]\nk=v\n");
    expect(c.set("a", "k", "v")).toEqual({ changed: false, warnings: [] });
    expect(c.remove("a", "nope").changed).toBe(false);
    expect(c.removeSection("nope").changed).toBe(false);
    expect(c.addSection("a").changed).toBe(false);
    expect(c.toString()).toBe("[a]\nk=v\n");
  });

  it("creates a missing section at the end, and [DEFAULT] too", () => {
    const c = parse("[a]\nk = 1");
    c.set("b", "x", "y");
    c.set("DEFAULT", "z", "1");
    expect(c.toString()).toBe("[a]\nk = 1\n\n[b]\nx = y\n\n[DEFAULT]\nz = 1");
    expect(c.get("a", "z")).toBe("1");
  });

  it("does not let a new key swallow an indented header as its continuation", () => {
    const c = parse("[a]\n  [b]\nk = 1\n");
    c.set("a", "x", "y");
    expect(c.toString()).toBe("[a]\n  x = y\n  [b]\nk = 1\n");
    expect(c.sectionNames()).toEqual(["a", "b"]);
  });

  it("warns when [DEFAULT] provides the key being set or removed", () => {
    const c = parse("[DEFAULT]\ntoken = t\n[galaxy_server.a]\ntoken = own\n");
    expect(c.set("galaxy_server.a", "token", "x").warnings.map((w) => w.code)).toEqual(["SHADOWS_DEFAULT"]);
    expect(c.remove("galaxy_server.a", "token").warnings.map((w) => w.code)).toEqual(["INHERITS_DEFAULT"]);
    expect(c.get("galaxy_server.a", "token")).toBe("t");
  });

  it("removes a multi-line value, keeps comments among its lines", () => {
    const c = parse("[a]\nk = 1,\n# note\n  2\n\n  3\nj = 4\n");
    c.remove("a", "k");
    expect(c.toString()).toBe("[a]\n# note\nj = 4\n");
  });

  it("removes every [DEFAULT] block", () => {
    const c = parse("[DEFAULT]\na = 1\n\n[x]\nk = v\n\n[DEFAULT]\nb = 2\n");
    c.removeSection("DEFAULT");
    expect(c.toString()).toBe("[x]\nk = v\n");
  });

  it("transaction: all or nothing", () => {
    const c = parse("[a]\nk = 1\n");
    expect(() =>
      c.transaction((t) => {
        t.set("a", "k", "2");
        t.set("a", "j", "bad ;value");
      }),
    ).toThrow(ConfigEditError);
    expect(c.toString()).toBe("[a]\nk = 1\n");
  });
});
