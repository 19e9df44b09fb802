import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { describeFixtures, type FixtureCase } from "@hub-setup/test-utils";
import { parseAnsibleConfig, toConfigParserView, tokenizeAnsibleConfig } from "../../src/cfg/index.js";
import { decodeConfigBytes, encodeConfigText } from "../../src/cfg/text-codec.js";
import { pythonErrorLine, type Expected } from "./corpus.js";

const fixturesRoot = fileURLToPath(new URL("../fixtures/cfg", import.meta.url));

// ConfigParser rules the real-file corpus has no example of. expected.json comes from Python's own
// configparser (regenerate: python3 test/cfg/configparser-view.py --fixtures test/fixtures/cfg).
function load(c: FixtureCase): { bytes: Buffer; text: string; expected: Expected } {
  const bytes = c.bytes("input.cfg");
  return { bytes, text: decodeConfigBytes(bytes), expected: c.json<Expected>("expected.json") };
}

describeFixtures(
  fixturesRoot,
  "ok",
  {
    title: "files ConfigParser accepts",
    minCases: 21,
    name: (c) => `${c.name}: same sections, keys, raw values and defaults; bytes round-trip`,
  },
  (c) => {
    const { bytes, text, expected } = load(c);
    const view = toConfigParserView(text);
    expect(expected.ok).toBe(true);
    expect(view.ok).toBe(true);
    if (!view.ok || !expected.ok) return;
    expect(JSON.stringify(view.sections)).toBe(JSON.stringify(expected.sections));
    expect(JSON.stringify(view.defaults)).toBe(JSON.stringify(expected.defaults));
    const parsed = parseAnsibleConfig(text);
    if (!parsed.ok) throw parsed.error;
    expect(Buffer.from(encodeConfigText(parsed.config.toString())).equals(bytes)).toBe(true);
  },
);

describeFixtures(
  fixturesRoot,
  "ng",
  {
    title: "files ConfigParser refuses",
    minCases: 11,
    name: (c) => `${c.name}: same error class and line; the tokenizer still reads every line`,
  },
  (c) => {
    const { text, expected } = load(c);
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
  },
);
