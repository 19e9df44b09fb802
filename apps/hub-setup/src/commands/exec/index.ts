import type { AppContext } from "../../context.js";
import { spawnChild, subcommandPorts } from "../../services.js";
import { runExec } from "./run.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const { loadConfig, openStore } = subcommandPorts(ctx.io);
  return runExec(argv, {
    loadConfig,
    openStore,
    env: ctx.io.env,
    cwd: ctx.io.cwd,
    spawn: spawnChild,
    signal: ctx.signal,
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
  });
}
