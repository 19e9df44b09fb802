// Every fixture folder: ok.<case> must give no finding, ng.<case> at least one, and both exactly the
// findings (and notes) recorded in its findings.json. UPDATE_FIXTURES=1 rewrites those files.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderJson } from "../src/report/json.js";
import { scanConfigText } from "../src/scan/scan-config.js";
import { fillTokens } from "./support/fake-tokens.js";

const root = fileURLToPath(new URL("./fixtures/", import.meta.url));
const cases = readdirSync(root)
  .filter((d) => /^(ok|ng)\./.test(d))
  .sort();
const update = process.env["UPDATE_FIXTURES"] === "1";

function tokensIn(filled: string, template: string): string[] {
  const markers = template.match(/@@\w+:[\w-]+@@/g) ?? [];
  return markers.map((m) => fillTokens(m)).filter((t) => filled.includes(t));
}

describe("fixtures", () => {
  it("has both outcomes", () => {
    expect(cases.filter((c) => c.startsWith("ok.")).length).toBeGreaterThan(5);
    expect(cases.filter((c) => c.startsWith("ng.")).length).toBeGreaterThan(10);
  });

  it.each(cases)("%s", (name) => {
    const template = readFileSync(join(root, name, "ansible.cfg"), "utf8");
    const text = fillTokens(template);
    const result = scanConfigText("ansible.cfg", text);
    const output = JSON.parse(renderJson({ ...result, skipped: [], scanned: 1, baselined: 0 })) as {
      findings: unknown[];
      notes: unknown[];
    };
    const recorded = { findings: output.findings, notes: output.notes };
    const file = join(root, name, "findings.json");
    if (update) writeFileSync(file, `${JSON.stringify(recorded, null, 2)}\n`);
    expect(recorded).toEqual(JSON.parse(readFileSync(file, "utf8")));
    if (name.startsWith("ok.")) expect(result.findings).toEqual([]);
    else expect(result.findings.length).toBeGreaterThan(0);
    // Each finding points at the secret itself, and nothing reported holds a token in full.
    const lines = text.split("\n");
    for (const f of result.findings) {
      const secret = (lines[f.line - 1] ?? "").slice(f.column - 1, f.endColumn - 1);
      expect(secret.length, `${f.line}:${f.column}`).toBeGreaterThan(3);
      expect(JSON.stringify(result)).not.toContain(secret.length >= 16 ? secret : "\u0000");
    }
    for (const token of tokensIn(text, template)) expect(JSON.stringify(output)).not.toContain(token);
  });
});
