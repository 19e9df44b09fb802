import type { AppContext } from "../context.js";
import { subcommandPorts } from "../services.js";
import { runRefresh } from "../subcommands/refresh-run.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  return runRefresh(argv, {
    ...subcommandPorts(ctx.io),
    now: ctx.now,
    signal: ctx.signal,
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
  });
}
