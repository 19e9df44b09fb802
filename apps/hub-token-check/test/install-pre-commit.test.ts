// `hub-token-check install` where the pre-commit framework runs the hooks (issue #13 item 7): it writes
// no hook of its own (the framework's would chain it, so the check ran twice), prints the exact
// .pre-commit-config.yaml snippet, and that snippet, pasted in, makes the real pre-commit run the check
// once. Under the framework's own copy (this repository's hook), the advice names a --fix that runs.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { HOOK_SELECTION, preCommitSnippet } from "../src/install/pre-commit-framework.js";
import { shellQuote } from "../src/report/shell-quote.js";
import { BIN, installedCheckerDir, pathWithoutChecker } from "./support/checker-path.js";
import { fakeHubToken } from "./support/fake-tokens.js";
import { initRepo } from "./support/git-repo.js";

const preCommit = requireTool("pre-commit");
const git = requireTool("git");
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const token = fakeHubToken("framework");
const leaky = `[galaxy_server.hub]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`;
const HELLO = [
  "repos:",
  "  - repo: local",
  "    hooks:",
  "      - id: say-hello",
  "        name: say hello",
  "        entry: echo hello",
  "        language: system",
  "",
].join("\n");

/** A repository that uses the pre-commit framework (its hook installed by the real `pre-commit install`). */
function frameworkRepo(path: string) {
  const home = tempDir("hub-token-check-framework-");
  const repo = initRepo(join(home, "user"));
  const env = { ...repo.env, PATH: path, PRE_COMMIT_HOME: join(home, "pre-commit-cache") };
  const sh = (command: string) => spawnSync("sh", ["-c", command], { cwd: repo.dir, env, encoding: "utf8" });
  repo.write(".pre-commit-config.yaml", HELLO);
  const installed = sh("pre-commit install");
  expect(installed.status, installed.stderr).toBe(0);
  const hooks = join(repo.dir, ".git/hooks");
  const snapshot = () =>
    readdirSync(hooks)
      .sort()
      .map((f) => `${f}\n${readFileSync(join(hooks, f), "utf8")}`);
  return { home, repo, env, sh, snapshot };
}

/** The snippet as printed: everything after the blank line of the advice. */
function printedSnippet(stderr: string): string {
  const at = stderr.indexOf("\n\n");
  expect(at, stderr).toBeGreaterThan(0);
  return stderr.slice(at + 2);
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe.skipIf(!preCommit.available || !git.available)("install under the pre-commit framework", () => {
  it("writes no hook, prints the exact snippet, and the snippet pasted in runs the check once", () => {
    const onPath = [installedCheckerDir(tempDir()), pathWithoutChecker()].join(delimiter);
    const w = frameworkRepo(onPath);
    const before = w.snapshot();

    const r = w.sh("hub-token-check install");
    expect(r.status).toBe(EXIT.ERROR);
    expect(r.stderr).toContain(
      "this repository uses the pre-commit framework, so no git hook of ours was written",
    );
    expect(r.stderr).toContain(
      "Add this under `repos:` in .pre-commit-config.yaml, then run `pre-commit install`",
    );
    expect(printedSnippet(r.stderr)).toBe(preCommitSnippet("hub-token-check"));
    expect(w.snapshot()).toEqual(before);

    w.repo.write(".pre-commit-config.yaml", HELLO + printedSnippet(r.stderr));
    w.repo.write("ansible.cfg", leaky);
    w.repo.git("add", ".pre-commit-config.yaml", "ansible.cfg");
    const refused = w.sh("git commit -m leak");
    const said = refused.stdout + refused.stderr;
    expect(refused.status, said).not.toBe(0);
    expect(count(said, "ansible.cfg:3:9: hub token in [galaxy_server.hub] token")).toBe(1);
    expect(said).toContain("`hub-token-check --fix` moves the tokens");
    expect(said).not.toContain(token);

    const again = w.sh("hub-token-check install");
    expect(again.status, again.stderr).toBe(EXIT.CLEAN);
    expect(again.stdout).toContain(".pre-commit-config.yaml already runs hub-token-check");
    expect(w.snapshot()).toEqual(before);

    w.repo.write("ansible.cfg", "[galaxy_server.hub]\nurl = https://hub.example.com/api/galaxy/\n");
    w.repo.git("add", "ansible.cfg");
    const accepted = w.sh("git commit -m clean");
    expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
    expect(count(accepted.stdout + accepted.stderr, "hub-token-check (plaintext")).toBe(1);
  });

  it("knows the framework by its hook script when the config is gone; not on PATH, the entry is npx", () => {
    const w = frameworkRepo(pathWithoutChecker());
    rmSync(join(w.repo.dir, ".pre-commit-config.yaml"));
    const before = w.snapshot();
    const r = w.sh(`${shellQuote(process.execPath)} ${shellQuote(BIN)} install`);
    expect(r.status).toBe(EXIT.ERROR);
    expect(r.stderr).toContain("(create the file with a first line `repos:`)");
    expect(printedSnippet(r.stderr)).toBe(preCommitSnippet("npx --no-install hub-token-check"));
    expect(w.snapshot()).toEqual(before);
  });

  it("matches the same files as this repository's hook definition", () => {
    const hooks = readFileSync(join(repoRoot, ".pre-commit-hooks.yaml"), "utf8");
    expect(/^\s*(types:.+)$/m.exec(hooks)?.[1]).toBe(HOOK_SELECTION);
    expect(/^\s*files:/m.test(hooks)).toBe(false);
    expect(preCommitSnippet("x")).toContain(`        ${HOOK_SELECTION}\n`);
  });

  it("under this repository's hook (the framework's copy, without --fix), the advice names the npm package", () => {
    const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: repoRoot, encoding: "utf8" });
    expect(head.status, head.stderr).toBe(0);
    const w = frameworkRepo(pathWithoutChecker());
    w.repo.write(
      ".pre-commit-config.yaml",
      `repos:\n  - repo: ${JSON.stringify(repoRoot)}\n    rev: ${head.stdout.trim()}\n    hooks:\n      - id: hub-token-check\n`,
    );
    w.repo.write("ansible.cfg", leaky);
    w.repo.git("add", ".pre-commit-config.yaml", "ansible.cfg");
    const refused = w.sh("git commit -m leak");
    const said = refused.stdout + refused.stderr;
    expect(refused.status, said).not.toBe(0);
    expect(said).toContain("`npx hub-token-check --fix` moves the tokens");
    expect(said).not.toContain(token);
  });
});
