import type { spawnSync } from "node:child_process";
import { HubSetupError } from "@hub-setup/core";

/** node:child_process's spawnSync; bin.ts passes a loader, so that the module loads only when git runs. */
export type Spawn = typeof spawnSync;

export type GitRunner = (args: readonly string[], input?: string) => Promise<Buffer>;

/**
 * Runs `git` in `cwd` with the given environment (inside a hook, git's own GIT_DIR / GIT_INDEX_FILE
 * must reach us: they say which index a commit is being made from). Resolves with stdout; a non-zero
 * exit rejects with git's message. node:child_process is loaded on first use (`loadSpawn`, from
 * bin.ts), so that scanning named files, as the pre-commit framework asks, never loads it.
 *
 * spawnSync, not spawn: the checker has nothing else to do while git runs, and spawn's pipes are
 * sockets and streams whose setting up costs the commit path ~5 ms, more than git itself takes there.
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
    // No stdin pipe unless there is input. No limit on the output: `--all` reads every blob at once.
    const stdin = input === undefined ? "ignore" : "pipe";
    const run = spawn("git", [...args], {
      cwd,
      env: childEnv,
      input,
      stdio: [stdin, "pipe", "pipe"],
      maxBuffer: Infinity,
    });
    if (run.error !== undefined) {
      const e = run.error;
      throw new HubSetupError("USAGE", `cannot run git: ${e.message}`, { hint: "install git", cause: e });
    }
    if (run.status === 0) return run.stdout;
    const message = run.stderr.toString("utf8").trim() || `git ${args[0] ?? ""} exited ${run.status}`;
    throw new HubSetupError("USAGE", message.replace(/^fatal: /, ""));
  };
}
