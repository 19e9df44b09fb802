// GitHub secret scanning's custom patterns, exported from the detector's definitions, over the secrets
// fixtures. GitHub's engine is not available here: this runs each pattern as JavaScript reads it
// (before + secret + after, `\A`/`\z` as line ends, must-not-match on the secret, case-insensitive
// vocabulary), which the patterns are written to mean the same in. They flag no ok.* fixture, only lines
// the detector flags, and the ng.* fixtures of the two kinds they cover.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { recordedFindings, secretsFixtures } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { githubCustomPatterns, type GithubCustomPattern } from "../../src/index.js";

function matches(p: GithubCustomPattern, text: string): number[] {
  const before = p.beforeSecret.replace("\\A", "^");
  const after = p.afterSecret.replace("\\z", "$");
  const re = new RegExp(`(?:${before})(${p.secretFormat})(?=${after})`, "gm");
  const notMatch = p.mustNotMatch.map((n) => new RegExp(n, "i"));
  const lines: number[] = [];
  const normal = text.replace(/\r(?!\n)/g, "\n");
  for (const m of normal.matchAll(re)) {
    const secret = m[1] ?? "";
    if (notMatch.some((n) => n.test(secret))) continue;
    lines.push(normal.slice(0, (m.index ?? 0) + m[0].length - secret.length).split("\n").length);
  }
  return lines;
}

const MUST_FLAG = [
  "ng.offline-token-anywhere",
  "ng.refresh-curl-in-docs",
  "ng.controller-config-as-code",
  "ng.dockerfile-arg-default",
  "ng.dotenv",
  "ng.shell-export",
  "ng.gitlab-ci-variables",
  "ng.github-actions-env",
  "ng.compose-environment-list",
  "ng.build-arg-in-docs",
  "ng.ruby-env-index",
  "ng.ansible-navigator",
  "ng.kubernetes-secret-stringdata",
];

describe("GitHub secret scanning custom patterns", () => {
  const fixtures = secretsFixtures();
  const patterns = githubCustomPatterns();

  it("flag no ok.* fixture, and only lines the detector flags", () => {
    for (const f of fixtures) {
      const lines = patterns.flatMap((p) => matches(p, f.text));
      if (f.name.startsWith("ok.")) expect(lines, f.name).toEqual([]);
      const recorded = new Set(recordedFindings(f).map((r) => r.line));
      for (const line of lines) expect(recorded.has(line), `${f.name}:${line}`).toBe(true);
    }
  });

  it("flag every ng.* fixture holding an offline token or a literal _TOKEN= value", () => {
    const flagged = fixtures
      .filter((f) => patterns.some((p) => matches(p, f.text).length > 0))
      .map((f) => f.name);
    for (const name of MUST_FLAG) expect(flagged, name).toContain(name);
  });

  it("are committed as packages/core/exports/github-secret-scanning.json (UPDATE_FIXTURES=1 rewrites it)", () => {
    const path = fileURLToPath(new URL("../../exports/github-secret-scanning.json", import.meta.url));
    const text = `${JSON.stringify(patterns, null, 2)}\n`;
    if (process.env["UPDATE_FIXTURES"] === "1" || !existsSync(path)) writeFileSync(path, text);
    expect(readFileSync(path, "utf8")).toBe(text);
  });
});
