// Real secretlint (the pinned 11.7.1 in bench/tools/secretlint) with this rule, over core's secrets
// fixtures written out with their fake tokens: it must flag exactly the ng.* files, at the lines the
// detector recorded, and its messages never hold a token in full. secretlint is not a workspace dependency:
// `npm run bench:tools` installs it (CI does); without it this test is skipped with the reason printed,
// and under CI=true it fails instead.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { recordedFindings, secretsFixtures, tempDir, tokensOf } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const rulePackage = fileURLToPath(new URL("../", import.meta.url));
const bin = join(repoRoot, "bench/tools/secretlint/node_modules/secretlint/bin/secretlint.js");

function secretlint(): { available: boolean } {
  if (existsSync(bin)) return { available: true };
  const reason = "secretlint is not installed in bench/tools/secretlint (`npm run bench:tools` installs it)";
  if (process.env["CI"] === "true") throw new Error(`CI=true and ${reason}: .ci/run must install it`);
  console.warn(`[skip] ${reason}`);
  return { available: false };
}

type Message = { ruleId: string; message: string; loc: { start: { line: number } } };
type FileResult = { filePath: string; messages: Message[] };

describe.skipIf(!secretlint().available)("real secretlint with @hub-setup/secretlint-rule-hub-token", () => {
  it("gives the detector's verdict on every fixture, at the recorded lines, with tokens redacted", () => {
    const fixtures = secretsFixtures();
    const dir = tempDir("secretlint-rule-");
    const paths = fixtures.map((f) => join(f.name, f.file));
    for (const f of fixtures) {
      const path = join(dir, f.name, f.file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.text);
    }
    // The rule is named by its package folder: secretlint resolves it (and, from it, @hub-setup/core)
    // as it would an installed rule package.
    writeFileSync(join(dir, ".secretlintrc.json"), JSON.stringify({ rules: [{ id: rulePackage }] }));
    const run = spawnSync(
      process.execPath,
      [bin, "--format", "json", "--no-maskSecrets", "--no-glob", ...paths],
      {
        cwd: dir,
        encoding: "utf8",
        env: { PATH: process.env["PATH"] ?? "", HOME: dir, LANG: "C.UTF-8" },
      },
    );
    expect(run.stderr).toBe("");
    const results = JSON.parse(run.stdout) as FileResult[];
    const linesOf = (path: string) =>
      (results.find((r) => r.filePath === join(dir, path))?.messages ?? []).map((m) => m.loc.start.line);

    const flagged = fixtures.filter((f) => linesOf(join(f.name, f.file)).length > 0).map((f) => f.name);
    expect(flagged).toEqual(fixtures.filter((f) => f.name.startsWith("ng.")).map((f) => f.name));
    // Its JSON repeats each file's content (sourceContent); what the rule reports is the messages.
    const reported = JSON.stringify(results.map((r) => r.messages));
    for (const f of fixtures) {
      expect(linesOf(join(f.name, f.file)), f.name).toEqual(recordedFindings(f).map((r) => r.line));
      for (const token of tokensOf(f)) expect(reported.includes(token), `${f.name}: a token`).toBe(false);
    }
    expect(reported).toContain(
      "in plaintext (hub token): keep it out of the file, use ANSIBLE_GALAXY_SERVER_",
    );
    expect(run.status).toBe(1);
  });
});
