// The detector over its fixture folders: ok.* gives no finding, ng.* at least one, and both exactly
// the findings recorded in findings.json (UPDATE_FIXTURES=1 rewrites them; review the diff).
import { describeFixtures, fillTokens, inputFileOf, SECRETS_FIXTURES } from "@hub-setup/test-utils";
import { expect } from "vitest";
import { findSecrets } from "../../src/index.js";

function check(c: {
  name: string;
  dir: string;
  text(f: string): string;
  expectFile(f: string, t: string): void;
}) {
  const file = inputFileOf(c.dir);
  const template = c.text(file);
  const text = fillTokens(template);
  const findings = findSecrets(text, { path: file });
  const recorded = findings.map(({ endColumn: _end, place: _place, ...rest }) => rest);
  c.expectFile("findings.json", `${JSON.stringify(recorded, null, 2)}\n`);
  if (c.name.startsWith("ok.")) expect(findings).toEqual([]);
  else expect(findings.length).toBeGreaterThan(0);
  // Each finding points at the secret itself, and no output holds a token in full.
  const lines = text.replace(/\r(?!\n)/g, "\n").split("\n");
  for (const f of findings) {
    const at = (lines[f.line - 1] ?? "").slice(f.column - 1, f.endColumn - 1);
    expect(at.trim().length, `${c.name} ${f.line}:${f.column}`).toBeGreaterThan(3);
  }
  const output = JSON.stringify(findings);
  for (const marker of template.match(/@@\w+:[\w-]+@@/g) ?? []) {
    expect(output.includes(fillTokens(marker)), `${c.name}: ${marker} leaked`).toBe(false);
  }
}

describeFixtures(SECRETS_FIXTURES, "ng", { title: "secrets the detector flags", minCases: 30 }, check);
describeFixtures(SECRETS_FIXTURES, "ok", { title: "look-alikes it leaves alone", minCases: 18 }, check);
