import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  analyzeContainerfile,
  contextTokenRisks,
  DEFAULT_BUILD_SECRET_ID,
  rewriteForBuildSecret,
  type ContextFile,
} from "../../src/ee/index.js";

// test/fixtures/ee/<ok|ng>.<case>/context/ is a build context as `ansible-builder create` writes it
// (derived from ansible-builder's containerfile.py, see docs/ee.md); expected.json says what we make of
// it (family or error, install steps, token risks) and expected.Containerfile is the rewrite, byte for
// byte. UPDATE_FIXTURES=1 (re)writes both (review the diff!); a missing one is otherwise a failure.
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "ee");
const cases = readdirSync(root)
  .filter((n) => n.startsWith("ok.") || n.startsWith("ng."))
  .sort();
const update = process.env["UPDATE_FIXTURES"] === "1";

function filesUnder(dir: string): ContextFile[] {
  const out: ContextFile[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: relative(dir, p), text: readFileSync(p, "utf8") });
    }
  };
  walk(dir);
  return out;
}

function checkOrWrite(path: string, actual: string): void {
  if (update) writeFileSync(path, actual);
  else if (!existsSync(path))
    expect.fail(`${path} is missing: write it with UPDATE_FIXTURES=1, then review it`);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("ee fixture contexts", () => {
  it("cover the shapes the issue names", () => {
    for (const needed of [
      "ok.builder-3.0",
      "ok.builder-3.1",
      "ok.builder-3.1-with-ansible-cfg",
      "ng.unrecognised",
      "ng.token-in-ansible-cfg",
      "ng.arg-token-default",
    ]) {
      expect(cases).toContain(needed);
    }
  });

  for (const name of cases) {
    const dir = join(root, name);
    const context = join(dir, "context");
    it(`${name}: analysis, token risks and rewrite are as expected`, () => {
      const files = filesUnder(context);
      const containerfile = readFileSync(join(context, "Containerfile"), "utf8");
      const analysis = analyzeContainerfile(containerfile);
      const risks = contextTokenRisks(files);
      const summary = {
        ...(analysis.ok
          ? { family: analysis.family, installSteps: analysis.installSteps }
          : { error: { problem: analysis.error.problem, message: analysis.error.message } }),
        risks,
      };
      checkOrWrite(join(dir, "expected.json"), `${JSON.stringify(summary, null, 2)}\n`);

      // ok.* is recognised and clean; ng.* is refused, by the analysis or by the risk check.
      if (name.startsWith("ok.")) {
        expect(analysis.ok).toBe(true);
        expect(risks).toEqual([]);
      } else {
        expect(!analysis.ok || risks.length > 0).toBe(true);
      }
      const expectedPath = join(dir, "expected.Containerfile");
      if (!analysis.ok) {
        expect(() => rewriteForBuildSecret(containerfile, { secretId: DEFAULT_BUILD_SECRET_ID })).toThrow(
          analysis.error.message,
        );
        expect(existsSync(expectedPath), "an unrecognised context has no rewrite").toBe(false);
        return;
      }
      const rewritten = rewriteForBuildSecret(containerfile, { secretId: DEFAULT_BUILD_SECRET_ID });
      checkOrWrite(expectedPath, rewritten);
      // Each flagged value is really on its line, and only its redacted form reaches the summary.
      for (const risk of risks) {
        const text = files.find((f) => f.path === risk.path)?.text.split(/\r?\n/)[risk.line - 1] ?? "";
        const raw = text
          .slice(text.search(/[=:]/) + 1)
          .trim()
          .replace(/^["']|["']$/g, "");
        expect(raw.length, `${risk.path}:${risk.line}`).toBeGreaterThan(0);
        expect(JSON.stringify(summary)).not.toContain(raw);
      }
    });
  }
});
