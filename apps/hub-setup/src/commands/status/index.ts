import type { AppContext } from "../../context.js";
import { subcommandPorts } from "../../services.js";
import { runStatus } from "./run.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  return runStatus(argv, {
    ...subcommandPorts(ctx.io),
    now: ctx.now,
    signal: ctx.signal,
    stdout: ctx.io.stdout,
  });
}
