import type { AppContext } from "../../context.js";
import { subcommandPorts, type NetworkPacing } from "../../services.js";
import { runRefresh } from "./run.js";

/** `pacing`: how the SSO retries wait; only tests pass it (to record the backoff instead of sleeping). */
export async function run(argv: string[], ctx: AppContext, pacing: NetworkPacing = {}): Promise<number> {
  return runRefresh(argv, {
    ...subcommandPorts(ctx.io, pacing),
    now: ctx.now,
    signal: ctx.signal,
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
  });
}
