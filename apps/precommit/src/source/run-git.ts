import { spawn } from "node:child_process";
import { HubSetupError } from "@hub-setup/core";

export type GitRunner = (args: readonly string[], input?: string) => Promise<Buffer>;

/**
 * Runs `git` in `cwd` with the given environment (inside a hook, git's own GIT_DIR / GIT_INDEX_FILE
 * must reach us: they say which index a commit is being made from). Resolves with stdout; a non-zero
 * exit rejects with git's message.
 */
export function gitRunner(cwd: string, env: Readonly<Record<string, string | undefined>>): GitRunner {
  return (args, input) =>
    new Promise((resolve, reject) => {
      const child = spawn("git", [...args], { cwd, env: { ...env }, stdio: ["pipe", "pipe", "pipe"] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (b: Buffer) => out.push(b));
      child.stderr.on("data", (b: Buffer) => err.push(b));
      child.on("error", (e) =>
        reject(new HubSetupError("USAGE", `cannot run git: ${e.message}`, { hint: "install git", cause: e })),
      );
      child.on("close", (code) => {
        if (code === 0) return resolve(Buffer.concat(out));
        const message = Buffer.concat(err).toString("utf8").trim() || `git ${args[0] ?? ""} exited ${code}`;
        reject(new HubSetupError("USAGE", message.replace(/^fatal: /, "")));
      });
      child.stdin.on("error", () => undefined);
      child.stdin.end(input ?? "");
    });
}
