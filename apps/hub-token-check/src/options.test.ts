import { describe, expect, it } from "vitest";
import { parseOptions } from "./options.js";

describe("parseOptions", () => {
  it("scans what is staged by default, the paths given, or every tracked file", () => {
    expect(parseOptions([])).toMatchObject({ command: "check", scope: "staged", format: "text", fix: false });
    expect(parseOptions(["a.cfg", "b c/ansible.cfg"])).toMatchObject({
      scope: "paths",
      paths: ["a.cfg", "b c/ansible.cfg"],
    });
    expect(parseOptions(["--all", "--format", "sarif"])).toMatchObject({ scope: "all", format: "sarif" });
    expect(parseOptions(["--baseline", "b.json", "-f", "json"])).toMatchObject({
      baseline: "b.json",
      format: "json",
    });
    expect(parseOptions(["install"])).toEqual({ command: "install" });
    // A file named `install`: after `--`, or where the pre-commit framework passes the staged names.
    expect(parseOptions(["--", "install"])).toMatchObject({
      command: "check",
      scope: "paths",
      paths: ["install"],
    });
    expect(parseOptions(["install"], { underPreCommit: true })).toMatchObject({
      command: "check",
      scope: "paths",
      paths: ["install"],
    });
    expect(parseOptions(["install", "--"])).toEqual({ command: "install" });
    // Under the framework, names that look like options which do not check (the hook's args lost `--`).
    for (const odd of [
      ["-h"],
      ["--version"],
      ["-V", "a.cfg"],
      ["--write-baseline", "ansible.cfg"],
      ["--fix"],
    ]) {
      expect(() => parseOptions(odd, { underPreCommit: true })).toThrow(
        /is not run under the pre-commit framework/,
      );
    }
    expect(parseOptions(["--", "-h"], { underPreCommit: true })).toMatchObject({
      scope: "paths",
      paths: ["-h"],
    });
    // After `--`, names that look like options are paths too.
    expect(parseOptions(["--", "--all", "-V"])).toMatchObject({ scope: "paths", paths: ["--all", "-V"] });
  });

  it("reads no arguments (a commit's run, parsed without parseArgs) as the explicit defaults would be", () => {
    // `--format text` is the one argument that spells out every default.
    expect(parseOptions([])).toEqual(parseOptions(["--format", "text"]));
  });

  it.each([
    [["--format", "xml"], "--format xml is not one of text, json, sarif"],
    [["--all", "x.cfg"], "--all scans every tracked file"],
    [["--fix", "--write-baseline", "b.json"], "do not go together"],
    [["--bogus"], "--bogus"],
  ])("refuses %j", (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(message);
  });
});
