import { workspacePorts } from "../../adapters/workspace.js";
import type { AppContext } from "../../context.js";
import { terminalPrompter } from "../../prompter/may-prompt.js";
import { runEnv } from "./run.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const { loadConfig, openStore } = workspacePorts(ctx.io);
  return runEnv(argv, {
    loadConfig,
    openStore,
    env: ctx.io.env,
    stdoutIsTerminal: ctx.io.stdoutIsTerminal,
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
    // stdout is the shell code a shell evaluates: the question goes to the terminal on stderr.
    prompter: terminalPrompter(ctx, "stderr"),
  });
}
