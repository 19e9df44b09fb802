import type { AppContext } from "../../context.js";
import { EXIT } from "../../exit-codes.js";
import { HELP } from "../../help.js";
import { setupDeps } from "./deps.js";
import { parseSetupArgs } from "./options.js";
import { runSetup } from "./run.js";

/** `hub-setup [setup] [flags]`: the wizard. Flags are parsed and "interactive" decided once, here. */
export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const opts = parseSetupArgs(argv, ctx.io.isInteractiveTerminal);
  if (opts.help) {
    ctx.io.stdout(HELP);
    return EXIT.OK;
  }
  await runSetup(opts, setupDeps(ctx, opts));
  return EXIT.OK;
}
