import { openConsumerState } from "../../adapters/store.js";
import { workspacePorts } from "../../adapters/workspace.js";
import type { AppContext } from "../../context.js";
import { terminalPrompter } from "../../prompter/may-prompt.js";
import { runStatus } from "./run.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  return runStatus(argv, {
    ...workspacePorts(ctx.io),
    now: ctx.now,
    signal: ctx.signal,
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
    openConsumers: () => openConsumerState(ctx.io.env),
    prompter: terminalPrompter(ctx, "stdout"),
  });
}
