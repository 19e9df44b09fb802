import type { NetworkPacing } from "../../adapters/hub.js";
import { workspacePorts } from "../../adapters/workspace.js";
import type { AppContext } from "../../context.js";
import { terminalPrompter } from "../../prompter/may-prompt.js";
import { runRefresh } from "./run.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  return runRefreshPaced(argv, ctx, {});
}

/** `pacing`: how the SSO retries wait; only tests pass it (to record the backoff instead of sleeping). */
export async function runRefreshPaced(
  argv: string[],
  ctx: AppContext,
  pacing: NetworkPacing,
): Promise<number> {
  return runRefresh(argv, {
    ...workspacePorts(ctx.io, pacing),
    now: ctx.now,
    signal: ctx.signal,
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
    prompter: terminalPrompter(ctx, "stdout"),
  });
}
