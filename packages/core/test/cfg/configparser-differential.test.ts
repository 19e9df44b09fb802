import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requireTool } from "@hub-setup/test-utils";
import { parseAnsibleConfig, toConfigParserView } from "../../src/cfg/index.js";
import { cfgTextArb } from "./cfg-arbitraries.js";
import { configparserViews } from "./configparser-oracle.js";
import { pythonErrorLine } from "./corpus.js";

// Thousands of generated files through the real Python configparser and through ours: same verdict,
// same error class and line, same sections/keys/values/defaults in the same order.
const python = requireTool("python3", "apt-get install python3");

describe.skipIf(!python.available)("differential test against Python's configparser", () => {
  it("agrees on 3000 generated files (fixed seed)", () => {
    const texts = fc.sample(cfgTextArb, { numRuns: 3000, seed: 20261128 });
    const theirs = configparserViews("python3", texts);
    const mismatches: string[] = [];
    texts.forEach((text, i) => {
      const expected = theirs[i];
      const ours = toConfigParserView(text);
      if (expected === undefined || ours.ok !== expected.ok) {
        mismatches.push(`${JSON.stringify(text)}: ok ${ours.ok} vs ${expected?.ok}`);
      } else if (ours.ok && expected.ok) {
        if (
          JSON.stringify([ours.sections, ours.defaults]) !==
          JSON.stringify([expected.sections, expected.defaults])
        ) {
          mismatches.push(`${JSON.stringify(text)}: values differ`);
        }
      } else if (!ours.ok && !expected.ok) {
        const parsed = parseAnsibleConfig(text);
        const line = parsed.ok ? undefined : parsed.error.line;
        if (
          ours.error.split(":")[0] !== expected.error.split(":")[0] ||
          line !== pythonErrorLine(expected.error)
        ) {
          mismatches.push(
            `${JSON.stringify(text)}: ${ours.error.split(":")[0]}@${line} vs ${expected.error}`,
          );
        }
      }
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    const refused = theirs.filter((v) => !v.ok).length;
    expect(refused).toBeGreaterThan(300); // the generator reaches both outcomes
    expect(texts.length - refused).toBeGreaterThan(300);
  });
});
