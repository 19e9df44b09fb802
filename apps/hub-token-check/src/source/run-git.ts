import type { ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { HubSetupError } from "@hub-setup/core";

export type SpawnSyncOptions = {
  cwd: string;
  env: Env;
  /** Written to the child's stdin; without it, the child gets no stdin at all. */
  input?: string;
  maxBuffer: number;
};

/**
 * As node:child_process's spawnSync answers. `error`: the child could not be started, or its output
 * passed maxBuffer; stdout and stderr are then not to be read.
 */
export type SpawnSyncResult = {
  status: number | null;
  signal: string | null;
  stdout: Buffer;
  stderr: Buffer;
  error?: Error;
};

/**
 * A synchronous run of a command, stdout and stderr piped: node:child_process's spawnSync, or the same
 * over Node's spawn_sync binding (spawn-sync.ts). bin.ts passes a loader, so that neither is loaded
 * unless git runs.
 */
export type Spawn = (file: string, args: string[], options: SpawnSyncOptions) => SpawnSyncResult;
/** node:child_process's spawn, loaded the same way: only `--all` streams git's output. */
export type SpawnAsync = typeof spawn;

export type GitRunner = (args: readonly string[], input?: string) => Promise<Buffer>;

/**
 * Runs `git` with `input` on its stdin and hands each piece of its stdout to `onChunk` as it arrives
 * (pieces split anywhere). Resolves once git exits 0; a non-zero exit, a failed start or a throwing
 * `onChunk` rejects, and git is stopped rather than left running.
 */
export type GitStreamer = (
  args: readonly string[],
  input: string,
  onChunk: (chunk: Buffer) => void,
) => Promise<void>;

type Env = Readonly<Record<string, string | undefined>>;

// GIT_DIFF_OPTS (say `-u0`) takes precedence over --unified on the command line, which would cut the
// whole-file hunks that staged-patch.ts reads the staged content from.
function childEnvOf(env: Env): Env {
  const { GIT_DIFF_OPTS: _diffOpts, ...childEnv } = env;
  return childEnv;
}

/** Git could not be started at all (not installed, not on PATH, not allowed): no answer of git's to read. */
export class GitCannotRunError extends HubSetupError {
  constructor(error: Error, hint: string) {
    super("USAGE", `cannot run git: ${error.message}`, { hint, cause: error });
  }
}

/** Errors of starting a program (the kernel's, or Node's permission model), not of running it. */
const START_FAILURES = new Set(["ENOENT", "EACCES", "EPERM", "ENOTDIR", "ELOOP", "ENOEXEC"]);

function cannotRun(error: Error): HubSetupError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ERR_ACCESS_DENIED") {
    // Newer Node says how in the message itself; then the hint would only repeat it.
    const hint = error.message.includes("--allow-child-process")
      ? "Node's permission model is on"
      : "Node's permission model is on: allow it with --allow-child-process";
    return new GitCannotRunError(error, hint);
  }
  if (code !== undefined && START_FAILURES.has(code)) return new GitCannotRunError(error, "install git");
  return new HubSetupError("USAGE", `git failed: ${error.message}`, { cause: error });
}

function gitFailed(args: readonly string[], stderr: string, status: number | string | null): HubSetupError {
  const message = stderr.trim() || `git ${args[0] ?? ""} exited ${status}`;
  return new HubSetupError("USAGE", message.replace(/^fatal: /, ""));
}

/**
 * Runs `git` in `cwd` with the given environment (inside a hook, git's own GIT_DIR / GIT_INDEX_FILE
 * must reach us: they say which index a commit is being made from). Resolves with stdout; a non-zero
 * exit rejects with git's message. The synchronous spawn (spawn-sync.ts) is loaded on first use
 * (`loadSpawn`, from bin.ts), so that scanning named files, as the pre-commit framework asks, never
 * loads it.
 *
 * spawnSync, not spawn: on the commit path the checker has nothing else to do while git runs, and
 * spawn's pipes are sockets and streams whose setting up costs the commit path ~5 ms, more than git
 * itself takes there. Only `--all`, which has blobs to scan while git inflates the next, streams
 * (gitStreamer).
 */
export function gitRunner(cwd: string, env: Env, loadSpawn: () => Spawn): GitRunner {
  const childEnv = childEnvOf(env);
  return async (args, input) => {
    let run;
    try {
      // No stdin unless there is input. No limit on the output.
      run = loadSpawn()("git", [...args], { cwd, env: childEnv, input, maxBuffer: Infinity });
    } catch (error) {
      // node:child_process throws rather than answers where the permission model forbids a child.
      throw cannotRun(error instanceof Error ? error : new Error(String(error)));
    }
    if (run.error !== undefined) throw cannotRun(run.error);
    if (run.status === 0) return run.stdout;
    throw gitFailed(args, run.stderr.toString("utf8"), run.status);
  };
}

/**
 * The streaming twin of gitRunner (same `cwd`, environment and errors), for `--all`: git's output is
 * handed over piece by piece, so the checker scans one blob while git inflates the next.
 */
export function gitStreamer(cwd: string, env: Env, loadSpawn: () => SpawnAsync): GitStreamer {
  const childEnv = childEnvOf(env);
  return (args, input, onChunk) =>
    new Promise<void>((resolve, reject) => {
      let child: ChildProcessWithoutNullStreams;
      try {
        child = loadSpawn()("git", [...args], { cwd, env: childEnv, stdio: ["pipe", "pipe", "pipe"] });
      } catch (error) {
        reject(cannotRun(error instanceof Error ? error : new Error(String(error))));
        return;
      }
      const stderr: Buffer[] = [];
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        // Stop git and close our ends of its pipes: nothing of it may keep the process alive.
        child.kill();
        child.stdout.destroy();
        child.stderr.destroy();
        reject(error);
      };
      child.on("error", (error) => fail(cannotRun(error)));
      // EPIPE when git stops reading (it failed, or was stopped): its exit status says why.
      child.stdin.on("error", () => undefined);
      child.stdout.on("data", (chunk: Buffer) => {
        if (settled) return;
        try {
          onChunk(chunk);
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      });
      child.stderr.on("data", (chunk: Buffer) => void stderr.push(chunk));
      child.on("close", (status, signal) => {
        if (settled) return;
        if (status === 0) {
          settled = true;
          resolve();
        } else fail(gitFailed(args, Buffer.concat(stderr).toString("utf8"), status ?? signal));
      });
      child.stdin.end(input);
    });
}
