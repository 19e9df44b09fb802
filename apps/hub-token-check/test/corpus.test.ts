// Over the shared corpus of 273 real ansible.cfg files: the 9 with real-looking secrets are flagged at
// each of their redacted keys, and no file without redacted keys is flagged at all.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tokenizeAnsibleConfig } from "@hub-setup/core";
import { requireCorpus } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { scanConfigText } from "../src/scan/scan-config.js";
import { decodeConfig } from "../src/source/decode.js";

type Row = { id: string; realLooking: boolean; redactedKeys: string[] };

function rows(corpus: string): Row[] {
  const [header = "", ...lines] = readFileSync(join(corpus, "index.tsv"), "utf8").trimEnd().split("\n");
  const cols = header.split("\t");
  const at = (name: string) => cols.indexOf(name);
  return lines.map((line) => {
    const f = line.split("\t");
    const keys = (f[at("redacted_keys")] ?? "").trim();
    return {
      id: f[at("id")] ?? "",
      realLooking: f[at("real_looking_secret")] === "1",
      redactedKeys: keys === "" ? [] : keys.split(",").map((k) => k.trim().toLowerCase()),
    };
  });
}

function scan(corpus: string, id: string) {
  const decoded = decodeConfig(readFileSync(join(corpus, "files", `${id}.cfg`)), `${id}.cfg`);
  if (!decoded.ok) throw new Error(`${id}: ${decoded.reason}`);
  return { text: decoded.text, ...scanConfigText(`${id}.cfg`, decoded.text) };
}

const corpusCheck = requireCorpus();

describe.skipIf(!corpusCheck.available)("the ansible.cfg corpus", () => {
  it("flags every real-looking secret at its key, and nothing in files without secrets", () => {
    // Skipped with a printed reason when the corpus is missing, and a failure then under CI=true.
    if (!corpusCheck.available) throw new Error(corpusCheck.reason);
    const corpus = corpusCheck.dir;
    const all = rows(corpus);
    const real = all.filter((r) => r.realLooking);
    const unredacted = all.filter((r) => r.redactedKeys.length === 0);
    const otherRedacted = all.filter((r) => !r.realLooking && r.redactedKeys.length > 0);
    expect(all.length).toBe(273);
    expect(real.length).toBe(9);

    for (const row of real) {
      const { text, findings } = scan(corpus, row.id);
      // Each option line holding a redacted key's value must carry a finding, at that key.
      const expected = tokenizeAnsibleConfig(text).filter(
        (l) =>
          l.kind === "option" &&
          l.key !== undefined &&
          row.redactedKeys.includes(l.key) &&
          (l.value ?? "") !== "",
      );
      expect(expected.length, row.id).toBeGreaterThan(0);
      for (const l of expected) {
        const at = findings.find((f) => f.line === l.line && f.key === l.key);
        expect(at, `${row.id}:${l.line} ${l.key}`).toBeDefined();
        expect(at?.column).toBe(l.valueColumn);
      }
      expect(
        findings.every((f) => f.key != null && row.redactedKeys.includes(f.key)),
        row.id,
      ).toBe(true);
    }

    const falsePositives = unredacted
      .filter((row) => scan(corpus, row.id).findings.length > 0)
      .map((r) => r.id);
    expect(falsePositives).toEqual([]);

    const otherFlagged = otherRedacted.filter((row) => scan(corpus, row.id).findings.length > 0);
    const realFindings = real.reduce((n, row) => n + scan(corpus, row.id).findings.length, 0);
    console.log(
      `corpus: ${all.length} files; real-looking secrets flagged ${real.length}/${real.length} files (${realFindings} findings, all at redacted keys); ` +
        `files without redacted keys flagged ${falsePositives.length}/${unredacted.length}; ` +
        `other redacted files (lab passwords, placeholders) flagged ${otherFlagged.length}/${otherRedacted.length} (${otherFlagged.map((r) => r.id).join(" ")})`,
    );
  });
});
