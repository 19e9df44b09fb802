import { describe, expect, it } from "vitest";
import { parseAnsibleConfig, toConfigParserView, tokenizeAnsibleConfig } from "../../src/cfg/index.js";
import { corpus as corpusCheck, loadCorpus, pythonErrorLine } from "./corpus.js";

const corpus = loadCorpus();

describe.skipIf(!corpusCheck.available)(
  "the ansible-cfg corpus (real files, ground truth from Python's configparser)",
  () => {
    it("has all 273 files", () => {
      expect(corpus).toHaveLength(273);
    });

    it("agrees with configparser on every file: accepted or refused (same error class and line), every section, key, raw value and default, in order", () => {
      const disagreements: string[] = [];
      for (const { id, text, expected } of corpus) {
        const view = toConfigParserView(text);
        if (view.ok !== expected.ok) {
          disagreements.push(`${id}: ok=${view.ok}, expected ${expected.ok}`);
        } else if (!view.ok && !expected.ok) {
          const parsed = parseAnsibleConfig(text);
          const ourClass = view.error.split(":")[0];
          const theirClass = expected.error.split(":")[0];
          const ourLine = parsed.ok ? undefined : parsed.error.line;
          if (ourClass !== theirClass || ourLine !== pythonErrorLine(expected.error)) {
            disagreements.push(`${id}: ${ourClass} at ${ourLine}, expected ${expected.error}`);
          }
        } else if (view.ok && expected.ok) {
          const same =
            JSON.stringify(view.sections) === JSON.stringify(expected.sections) &&
            JSON.stringify(view.defaults) === JSON.stringify(expected.defaults);
          if (!same) disagreements.push(`${id}: sections or defaults differ`);
        }
      }
      expect(disagreements).toEqual([]);
      const refused = corpus.filter((f) => !f.expected.ok).length;
      console.info(
        `corpus: ${corpus.length - disagreements.length}/${corpus.length} agree (${refused} refused)`,
      );
    });

    it("round-trips every accepted file byte for byte through toString()", () => {
      const accepted = corpus.filter((f) => f.expected.ok);
      expect(accepted).toHaveLength(265);
      for (const { id, text } of accepted) {
        const parsed = parseAnsibleConfig(text);
        expect(parsed.ok, id).toBe(true);
        if (parsed.ok) expect(parsed.config.toString(), id).toBe(text);
      }
    });

    it("tokenizes every file, refused ones included, one entry per line with the raw text", () => {
      for (const { id, text } of corpus) {
        const lines = tokenizeAnsibleConfig(text);
        const expected = text === "" ? [] : text.replace(/\r?\n$/, "").split(/\r?\n/);
        expect(
          lines.map((l) => l.raw),
          id,
        ).toEqual(expected);
      }
    });
  },
);
