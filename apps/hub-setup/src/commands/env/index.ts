import type { AppContext } from "../../context.js";
import { stdoutIsTerminal, subcommandPorts } from "../../services.js";
import { runEnv } from "./run.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const { loadConfig, openStore } = subcommandPorts(ctx.io);
  return runEnv(argv, {
    loadConfig,
    openStore,
    env: ctx.io.env,
    stdoutIsTerminal: stdoutIsTerminal(),
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
  });
}
