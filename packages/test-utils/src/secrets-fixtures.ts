// The secrets fixture folders, shared by every test that runs them (the detector's own, the checker's
// e2e, the wizard's redaction, gitleaks and secretlint): each folder holds ONE input file named as its
// file type (`Containerfile`, `ansible.cfg`, `.gitlab-ci.yml`…) and the detector's findings.json.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fillTokens } from "./tokens.js";

/** packages/core/test/fixtures/secrets: core owns the fixtures (its detector records findings.json). */
export const SECRETS_FIXTURES = fileURLToPath(new URL("../../core/test/fixtures/secrets/", import.meta.url));

export type SecretsFixture = {
  /** The folder name: `ok.<case>` (no finding) or `ng.<case>` (at least one). */
  name: string;
  /** The input file's name, the path the detector is told. */
  file: string;
  /** The input with its `@@kind:seed@@` markers filled with fake tokens. */
  text: string;
  /** The input as stored (markers, no token-shaped text). */
  template: string;
};

export function inputFileOf(dir: string): string {
  const files = readdirSync(dir).filter((f) => f !== "findings.json");
  if (files.length !== 1)
    throw new Error(`${dir}: expected one input file beside findings.json, got ${files.join(", ")}`);
  return files[0] ?? "";
}

export function secretsFixtures(): SecretsFixture[] {
  return readdirSync(SECRETS_FIXTURES)
    .filter((d) => /^(?:ok|ng)\./.test(d))
    .sort()
    .map((name) => {
      const dir = join(SECRETS_FIXTURES, name);
      const file = inputFileOf(dir);
      const template = readFileSync(join(dir, file), "utf8");
      return { name, file, template, text: fillTokens(template) };
    });
}

/** The fake tokens a fixture's markers stand for (each must never appear in any output in full). */
export function tokensOf(f: SecretsFixture): string[] {
  return (f.template.match(/@@\w+:[\w-]+@@/g) ?? []).map((m) => fillTokens(m));
}

/** One recorded finding of a fixture's findings.json. */
export type RecordedFinding = {
  path: string;
  line: number;
  column: number;
  kind: string;
  key: string | null;
};

export function recordedFindings(f: SecretsFixture): RecordedFinding[] {
  return JSON.parse(
    readFileSync(join(SECRETS_FIXTURES, f.name, "findings.json"), "utf8"),
  ) as RecordedFinding[];
}
