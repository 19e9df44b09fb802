import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAnsibleConfig, toConfigParserView, tokenizeAnsibleConfig } from "../../src/cfg/index.js";
import { decodeConfigBytes, encodeConfigText } from "../../src/cfg/text-codec.js";
import { pythonErrorLine, type Expected } from "./corpus.js";
import { fixtureCases } from "./fixture-dirs.js";

// ConfigParser rules the real-file corpus has no example of. expected.json comes from Python's own
// configparser (regenerate: python3 test/cfg/configparser-view.py --fixtures test/fixtures/cfg).
function load(dir: string): { bytes: Buffer; text: string; expected: Expected } {
  const bytes = readFileSync(join(dir, "input.cfg"));
  const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected;
  return { bytes, text: decodeConfigBytes(bytes), expected };
}

describe("ok.* fixtures: files ConfigParser accepts", () => {
  const cases = fixtureCases("ok.");
  it("has cases", () => expect(cases.length).toBeGreaterThan(20));
  for (const { name, dir } of cases) {
    it(`${name}: same sections, keys, raw values and defaults; bytes round-trip`, () => {
      const { bytes, text, expected } = load(dir);
      const view = toConfigParserView(text);
      expect(expected.ok).toBe(true);
      expect(view.ok).toBe(true);
      if (!view.ok || !expected.ok) return;
      expect(JSON.stringify(view.sections)).toBe(JSON.stringify(expected.sections));
      expect(JSON.stringify(view.defaults)).toBe(JSON.stringify(expected.defaults));
      const parsed = parseAnsibleConfig(text);
      if (!parsed.ok) throw parsed.error;
      expect(Buffer.from(encodeConfigText(parsed.config.toString())).equals(bytes)).toBe(true);
    });
  }
});

describe("ng.* fixtures: files ConfigParser refuses", () => {
  const cases = fixtureCases("ng.");
  it("has cases", () => expect(cases.length).toBeGreaterThan(10));
  for (const { name, dir } of cases) {
    it(`${name}: same error class and line; the tokenizer still reads every line`, () => {
      const { text, expected } = load(dir);
      expect(expected.ok).toBe(false);
      if (expected.ok) return;
      const parsed = parseAnsibleConfig(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.error.pythonClass).toBe(expected.error.split(":")[0]);
      expect(parsed.error.line).toBe(pythonErrorLine(expected.error));
      expect(parsed.error.code).toBe("CONFIG_PARSE");
      expect(parsed.error.message).toMatch(
        new RegExp(`^line ${parsed.error.line}: .*Ansible refuses this file`),
      );
      expect(tokenizeAnsibleConfig(text).length).toBe(text.replace(/\n$/, "").split("\n").length);
    });
  }
});
