// The pre-commit framework (Debian's) using this repository as a hook source, the way users do:
// `repo:` this repository at a commit, then real commits through `pre-commit install`'s hook.
// Offline: pre-commit clones the local repository into PRE_COMMIT_HOME (a temp dir) and runs the
// committed bundle (language: script), so nothing is downloaded.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { fakeHubToken } from "./support/fake-tokens.js";
import { initRepo } from "./support/git-repo.js";

const preCommit = requireTool("pre-commit");
const git = requireTool("git");
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

function run(cmd: string, args: string[], cwd: string, env: Record<string, string>) {
  return spawnSync(cmd, args, { cwd, env, encoding: "utf8" });
}

describe.skipIf(!preCommit.available || !git.available)(
  "the pre-commit framework with this repository's hook",
  () => {
    it("rejects a commit with a token and accepts a clean one", () => {
      const head = run("git", ["rev-parse", "HEAD"], repoRoot, { PATH: process.env["PATH"] ?? "" });
      expect(head.status, `this repository has no commit: ${head.stderr}`).toBe(0);
      const rev = head.stdout.trim();
      const listed = run(
        "git",
        [
          "ls-tree",
          "--name-only",
          rev,
          ".pre-commit-hooks.yaml",
          "apps/hub-token-check/bin/hub-token-check.cjs",
          "apps/hub-token-check/hook/dist/hub-token-check.cjs",
        ],
        repoRoot,
        {
          PATH: process.env["PATH"] ?? "",
        },
      );
      expect(
        listed.stdout.trim().split("\n"),
        "HEAD must hold the hook definition, its launcher and its bundle",
      ).toHaveLength(3);

      const home = tempDir("hub-token-check-pre-commit-");
      const repo = initRepo(join(home, "user"));
      const codeCache = join(home, "xdg-cache", "hub-token-check");
      const { HUB_TOKEN_CHECK_NO_CODE_CACHE: _off, ...withCache } = repo.env;
      const env = {
        ...withCache,
        PRE_COMMIT_HOME: join(home, "pre-commit-cache"),
        XDG_CACHE_HOME: join(home, "xdg-cache"),
      };
      repo.write(
        ".pre-commit-config.yaml",
        `repos:\n  - repo: ${JSON.stringify(repoRoot)}\n    rev: ${rev}\n    hooks:\n      - id: hub-token-check\n`,
      );
      const installed = run("pre-commit", ["install"], repo.dir, env);
      expect(installed.status, installed.stderr).toBe(0);
      repo.git("add", ".pre-commit-config.yaml");

      const token = fakeHubToken("pre-commit");
      repo.write(
        "ansible.cfg",
        `[galaxy_server.hub]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`,
      );
      repo.git("add", "ansible.cfg");
      const refused = run("git", ["commit", "-m", "with a token"], repo.dir, env);
      const said = refused.stdout + refused.stderr;
      expect(refused.status, said).not.toBe(0);
      expect(said).toContain("hub-token-check");
      expect(said).toContain("ansible.cfg:3:9: hub token in [galaxy_server.hub] token");
      expect(said).not.toContain(token);
      expect(run("git", ["rev-parse", "--verify", "-q", "HEAD"], repo.dir, env).status).not.toBe(0);
      // The launcher kept the code cache of the committed bundle for the next commits (bin/), private.
      const cached = readdirSync(codeCache);
      expect(cached).toHaveLength(1);
      expect(cached[0]).toMatch(/^[0-9a-f]{8}\.v8-cache$/);
      expect(statSync(codeCache).mode & 0o777).toBe(0o700);
      expect(statSync(join(codeCache, cached[0] ?? "")).mode & 0o777).toBe(0o600);

      repo.write("ansible.cfg", "[galaxy_server.hub]\nurl = https://hub.example.com/api/galaxy/\n");
      repo.git("add", "ansible.cfg");
      const accepted = run("git", ["commit", "-m", "clean"], repo.dir, env);
      expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
      expect(accepted.stdout + accepted.stderr).toMatch(/hub-token-check.*Passed/);

      // A temp file that a killed hub-setup write left behind reaches the hook too (its files: pattern).
      const temp = ".ansible.cfg.hub-setup-tmp-4242-0123456789ab";
      repo.write(temp, `[galaxy_server.hub]\ntoken = ${token}\n`);
      repo.git("add", temp);
      const leftover = run("git", ["commit", "-m", "a temp file"], repo.dir, env);
      expect(leftover.status, leftover.stdout + leftover.stderr).not.toBe(0);
      expect(leftover.stdout + leftover.stderr).toContain(
        `${temp}:2:9: hub token in [galaxy_server.hub] token`,
      );
      expect(leftover.stdout + leftover.stderr).not.toContain(token);
      repo.git("rm", "-q", "--cached", temp);

      // The hook definition passes every text file (types: [text]): a token in a Containerfile, a .env
      // or CI YAML reaches the checker as one in ansible.cfg does (issue #12).
      repo.write("Containerfile", `FROM ubi9\nENV ANSIBLE_GALAXY_SERVER_HUB_TOKEN=${token}\n`);
      repo.write(".env", `ANSIBLE_GALAXY_SERVER_HUB_TOKEN=${token}\n`);
      repo.write(".gitlab-ci.yml", `variables:\n  ANSIBLE_GALAXY_SERVER_HUB_TOKEN: "${token}"\n`);
      repo.git("add", "Containerfile", ".env", ".gitlab-ci.yml");
      const elsewhere = run("git", ["commit", "-m", "tokens beside ansible.cfg"], repo.dir, env);
      const told = elsewhere.stdout + elsewhere.stderr;
      expect(elsewhere.status, told).not.toBe(0);
      for (const where of ["Containerfile:2:", ".env:1:", ".gitlab-ci.yml:2:"]) expect(told).toContain(where);
      expect(told).not.toContain(token);
      repo.git("rm", "-q", "--cached", "Containerfile", ".env", ".gitlab-ci.yml");

      // A staged file named `install` (or like an option) is a file to scan, not our install command.
      repo.write("install", `export ANSIBLE_GALAXY_SERVER_HUB_TOKEN=${token}\n`);
      repo.write("--all", `ANSIBLE_GALAXY_SERVER_HUB_TOKEN=${token}\n`);
      repo.git("add", "--", "install", "--all");
      const named = run("git", ["commit", "-m", "odd names"], repo.dir, env);
      const namedSaid = named.stdout + named.stderr;
      expect(named.status, namedSaid).not.toBe(0);
      expect(namedSaid).toContain("install:1:");
      expect(namedSaid).toContain("--all:1:");
      expect(namedSaid).not.toContain("installed");
    });
  },
);
