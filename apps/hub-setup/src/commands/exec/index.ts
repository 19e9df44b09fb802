import { spawnChild } from "../../adapters/child.js";
import { workspacePorts } from "../../adapters/workspace.js";
import type { AppContext } from "../../context.js";
import { terminalPrompter } from "../../prompter/may-prompt.js";
import { runExec } from "./run.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const { loadConfig, openStore } = workspacePorts(ctx.io);
  return runExec(argv, {
    loadConfig,
    openStore,
    env: ctx.io.env,
    cwd: ctx.io.cwd,
    spawn: spawnChild,
    signal: ctx.signal,
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
    prompter: terminalPrompter(ctx, "stdout"),
  });
}
