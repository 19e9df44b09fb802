// The git hook from a global install, as a user gets it: `npm install -g` (into a temp prefix) of the
// packed hub-token-check, `hub-token-check install` in a project, then real commits. When the prefix
// is moved or the package removed, the hook stops the commit with its one line (never a silent pass);
// after a reinstall it works again without running `install` again.
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fakeHubToken, requireTool, showsSecret } from "@hub-setup/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, pack, publicWorkspaces, run, runOk, scratchDir, type Packed } from "./support/npm.js";

const git = requireTool("git");
const SYSTEM_PATH = "/usr/bin:/bin";

let scratch: { dir: string; remove: () => void };
let checker: Packed;

beforeAll(() => {
  scratch = scratchDir("hub-setup-global-");
  const workspace = publicWorkspaces().find((w) => w.name === "hub-token-check");
  if (workspace === undefined) throw new Error("no hub-token-check workspace");
  checker = pack(workspace, scratch.dir);
});
afterAll(() => scratch?.remove());

function installGlobally(prefix: string): void {
  runOk("npm", ["install", "-g", "--offline", "--prefix", prefix, checker.tarball], scratch.dir);
}

describe.skipIf(!git.available)("the hook written by a global install's `hub-token-check install`", () => {
  it("rejects a token, refuses in one line once the install is gone, and works again after a reinstall", () => {
    // Nothing called hub-token-check on the system PATH, or "gone" would not be gone.
    const onSystem = run("sh", ["-c", "command -v hub-token-check"], scratch.dir, { PATH: SYSTEM_PATH });
    expect(onSystem.stdout, "a hub-token-check on /usr/bin:/bin would hide this test").toBe("");

    const prefix = join(scratch.dir, "prefix");
    installGlobally(prefix);
    const repo = join(scratch.dir, "project");
    mkdirSync(repo);
    let path = `${join(prefix, "bin")}:${SYSTEM_PATH}`;
    const env = () =>
      cleanEnv({
        PATH: path,
        HOME: repo,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_AUTHOR_NAME: "Test",
        GIT_AUTHOR_EMAIL: "test@example.com",
        GIT_COMMITTER_NAME: "Test",
        GIT_COMMITTER_EMAIL: "test@example.com",
        LC_ALL: "C",
      });
    const gitIn = (...args: string[]) => run("git", args, repo, env());
    runOk("git", ["init", "-q", "-b", "main"], repo, env());
    runOk("hub-token-check", ["install"], repo, env());
    expect(existsSync(join(repo, ".git", "hooks", "pre-commit"))).toBe(true);

    const token = fakeHubToken("global-hook");
    const stageToken = () => {
      writeFileSync(
        join(repo, "ansible.cfg"),
        `[galaxy]\nserver_list = hub\n\n[galaxy_server.hub]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`,
      );
      runOk("git", ["add", "ansible.cfg"], repo, env());
    };
    let n = 0;
    const stageClean = () => {
      writeFileSync(join(repo, "notes.txt"), `change ${++n}\n`);
      runOk("git", ["add", "notes.txt"], repo, env());
    };
    const commits = () => Number(gitIn("rev-list", "--count", "--all").stdout.trim() || "0");
    const expectWorks = () => {
      stageClean();
      const before = commits();
      const clean = gitIn("commit", "-q", "-m", "clean");
      expect(clean.status, clean.stderr).toBe(0);
      expect(commits()).toBe(before + 1);
      stageToken();
      const rejected = gitIn("commit", "-q", "-m", "token");
      expect(rejected.status).toBe(1);
      expect(`${rejected.stdout}${rejected.stderr}`).toContain("ansible.cfg");
      expect(showsSecret(`${rejected.stdout}${rejected.stderr}`, token)).toBe(false);
      expect(commits()).toBe(before + 1);
      runOk("git", ["rm", "-q", "--cached", "ansible.cfg"], repo, env());
    };
    const expectRefusesInOneLine = () => {
      stageClean();
      const before = commits();
      const refused = gitIn("commit", "-q", "-m", "while gone");
      expect(refused.status).not.toBe(0);
      const lines = refused.stderr.trimEnd().split("\n");
      expect(lines, refused.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^hub-token-check: the checker is not on PATH nor at .+: reinstall it \(npm install -g hub-token-check/,
      );
      expect(lines[0]).toContain("git commit --no-verify");
      expect(commits()).toBe(before);
    };

    expectWorks();

    // The prefix moved away (a node version manager switching versions does much the same).
    renameSync(prefix, `${prefix}-moved`);
    expectRefusesInOneLine();
    // Reinstalled into a new prefix on PATH: found there, `install` not run again.
    const newPrefix = join(scratch.dir, "new-prefix");
    installGlobally(newPrefix);
    path = `${join(newPrefix, "bin")}:${SYSTEM_PATH}`;
    expectWorks();

    // The package removed, then installed again in place.
    runOk("npm", ["uninstall", "-g", "--prefix", newPrefix, "hub-token-check"], scratch.dir);
    expectRefusesInOneLine();
    installGlobally(newPrefix);
    expectWorks();
  });
});
