import type { spawn } from "node:child_process";
import { HubSetupError } from "@hub-setup/core";

/** node:child_process's spawn; bin.ts passes a loader, so that the module loads only when git runs. */
export type Spawn = typeof spawn;

export type GitRunner = (args: readonly string[], input?: string) => Promise<Buffer>;

/**
 * Runs `git` in `cwd` with the given environment (inside a hook, git's own GIT_DIR / GIT_INDEX_FILE
 * must reach us: they say which index a commit is being made from). Resolves with stdout; a non-zero
 * exit rejects with git's message. node:child_process (and node:net and streams with it, ~2 ms) is
 * loaded on first use (`loadSpawn`, from bin.ts), so that scanning named files, as the pre-commit
 * framework asks, never loads it.
 */
export function gitRunner(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  loadSpawn: () => Spawn,
): GitRunner {
  // GIT_DIFF_OPTS (say `-u0`) takes precedence over --unified on the command line, which would cut the
  // whole-file hunks that staged-patch.ts reads the staged content from.
  const { GIT_DIFF_OPTS: _diffOpts, ...childEnv } = env;
  return async (args, input) => {
    const spawn = loadSpawn();
    return new Promise((resolve, reject) => {
      // No stdin pipe unless there is input: a pipe is a socket, and writing to it costs start-up time.
      const stdin = input === undefined ? "ignore" : "pipe";
      const child = spawn("git", [...args], { cwd, env: childEnv, stdio: [stdin, "pipe", "pipe"] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on("data", (b: Buffer) => out.push(b));
      child.stderr?.on("data", (b: Buffer) => err.push(b));
      child.on("error", (e) =>
        reject(new HubSetupError("USAGE", `cannot run git: ${e.message}`, { hint: "install git", cause: e })),
      );
      child.on("close", (code) => {
        if (code === 0) return resolve(Buffer.concat(out));
        const message = Buffer.concat(err).toString("utf8").trim() || `git ${args[0] ?? ""} exited ${code}`;
        reject(new HubSetupError("USAGE", message.replace(/^fatal: /, "")));
      });
      if (input !== undefined) {
        child.stdin?.on("error", () => undefined);
        child.stdin?.end(input);
      }
    });
  };
}

/**
 * Starts `git args` now and returns a runner that answers the first call with the same arguments (and
 * no input) from that run; every other call goes to `git`. bin.ts starts the commit path's one
 * `git diff --cached` this way before the rest of the checker is loaded, so that git runs meanwhile.
 */
export function prefetchGit(git: GitRunner, args: readonly string[]): GitRunner {
  let pending: Promise<Buffer> | undefined = git(args);
  // Whoever asks for it sees a failure; nobody asking (a usage error first) is no unhandled rejection.
  pending.catch(() => undefined);
  const same = (other: readonly string[]) =>
    other.length === args.length && other.every((a, i) => a === args[i]);
  return (other, input) => {
    if (pending !== undefined && input === undefined && same(other)) {
      const started = pending;
      pending = undefined;
      return started;
    }
    return git(other, input);
  };
}
