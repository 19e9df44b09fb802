/**
 * Child processes, each way hub-setup starts one: `exec`'s child with the terminal (spawnChild), a
 * tool whose output we read (runCommand: systemctl, crontab; capture: git, python, hub-token-check).
 */
import { spawn } from "node:child_process";
import type { ChildExit, CommandRunner, Env, RunningChild, SpawnPort } from "../ports.js";
import { childStarted } from "../signals.js";

/**
 * Starts a child with inherited stdio (exec). A spawn failure (ENOENT, EACCES) resolves, never throws.
 * While it runs, a second SIGINT/SIGTERM is left to it (signals.ts) instead of ending hub-setup.
 */
export const spawnChild: SpawnPort = (command, args, options) => {
  const ended = childStarted();
  const child = spawn(command, [...args], { env: options.env, cwd: options.cwd, stdio: "inherit" });
  const exited = new Promise<ChildExit>((resolve) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      ended();
      resolve({ kind: "error", errno: error.code ?? "UNKNOWN", message: error.message });
    });
    child.once("exit", (code, signal) => {
      ended();
      resolve({ kind: "exit", code, signal });
    });
  });
  const running: RunningChild = {
    exited,
    kill: (signal) => {
      if (child.exitCode == null && child.signalCode == null) child.kill(signal);
    },
  };
  return running;
};

/** Runs a command without a shell and collects its output (systemctl, crontab). Not found → 127. */
export const runCommand: CommandRunner = (command, args, input) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.once("error", (error: NodeJS.ErrnoException) =>
      resolve({ code: error.code === "ENOENT" ? 127 : 126, stdout, stderr: error.message }),
    );
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(input ?? "");
  });

/** Runs a program without a shell and collects stdout; undefined when it cannot be started or takes too long. */
export function capture(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Env; timeoutMs?: number },
): Promise<{ code: number; stdout: string } | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: { ...options.env },
      stdio: ["ignore", "pipe", "ignore"],
    });
    let stdout = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 15_000);
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.once("error", () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve(code == null ? undefined : { code, stdout });
    });
  });
}
