import type { AppContext } from "../context.js";
import type { Io } from "../io.js";
import { inquirerPrompter } from "./inquirer.js";
import type { Prompter } from "./prompter.js";

/** Where a command's questions are written: stdout, or stderr when stdout is data (`env`'s shell code). */
export type PromptOutput = "stdout" | "stderr";

/**
 * The wizard's rule for whether hub-setup may ask, for the commands that otherwise never ask (status,
 * refresh, exec, env): stdin and the stream the question is written to are terminals (bin.ts reads
 * that). Cron, CI and `eval "$(…)"` have no terminal there. --no-interactive, the other half of the
 * rule, is each command's flag: its run drops the Prompter it was given.
 */
export function mayPrompt(
  io: Pick<Io, "isInteractiveTerminal" | "stderrIsInteractiveTerminal">,
  output: PromptOutput,
): boolean {
  return output === "stdout" ? io.isInteractiveTerminal : io.stderrIsInteractiveTerminal;
}

/** The inquirer Prompter writing to `output` when mayPrompt allows it; undefined (never ask) otherwise. */
export function terminalPrompter(
  ctx: Pick<AppContext, "io" | "signal">,
  output: PromptOutput,
): Prompter | undefined {
  if (!mayPrompt(ctx.io, output)) return undefined;
  return inquirerPrompter({
    input: ctx.io.stdin,
    signal: ctx.signal,
    ...(output === "stderr" ? { output: ctx.io.stderrStream } : {}),
  });
}
