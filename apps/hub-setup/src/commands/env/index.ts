import { workspacePorts } from "../../adapters/workspace.js";
import type { AppContext } from "../../context.js";
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
  });
}
