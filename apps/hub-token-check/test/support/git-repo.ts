import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** A clean environment for real git in a temp repository: no user or system config leaks in. */
export function gitEnv(home: string): Record<string, string> {
  return {
    PATH: process.env["PATH"] ?? "/usr/bin:/bin",
    HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.com",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.com",
    LC_ALL: "C",
    // The command keeps a code cache under HOME, here the repository itself: only the tests of that
    // cache (own-code-cache.test.ts, pre-commit.test.ts) turn it on, with a cache folder of their own.
    HUB_TOKEN_CHECK_NO_CODE_CACHE: "1",
  };
}

export type Repo = {
  dir: string;
  env: Record<string, string>;
  git: (...args: string[]) => string;
  write: (path: string, content: string | Uint8Array) => void;
};

/** `git init` in `dir` (made if missing) (with HOME set to it, so no real config is read). */
export function initRepo(dir: string): Repo {
  mkdirSync(dir, { recursive: true });
  const env = gitEnv(dir);
  const git = (...args: string[]): string => {
    const r = spawnSync("git", args, { cwd: dir, env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
    return r.stdout;
  };
  git("init", "-q", "-b", "main");
  const write = (path: string, content: string | Uint8Array) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  return { dir, env, git, write };
}
