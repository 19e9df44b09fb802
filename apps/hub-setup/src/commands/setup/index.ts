import type { AppContext, CrossCalls, Place } from "../../context.js";
import { EXIT } from "../../exit-codes.js";
import type { SetupDefaults } from "../../ports.js";
import { setupDeps } from "./deps.js";
import { parseSetupArgs } from "./options.js";
import { realSetupPorts } from "./real-ports.js";
import { runSetup } from "./run.js";

/** `hub-setup [setup] [flags]`: the wizard. Flags are parsed and "interactive" decided once, here. */
export async function run(argv: string[], ctx: AppContext, calls: CrossCalls): Promise<number> {
  const opts = parseSetupArgs(argv, ctx.io.isInteractiveTerminal);
  if (opts.help) {
    // The wizard is the default command: its --help is the whole of hub-setup's.
    ctx.io.stdout(calls.help());
    return EXIT.OK;
  }
  await runSetup(opts, setupDeps(ctx, opts, realSetupPorts(ctx, calls.runSchedule, calls.runShellInit)));
  return EXIT.OK;
}

/** The wizard in another folder and environment, with other defaults (the demo's sandbox). */
export async function runWizardAt(
  argv: string[],
  ctx: AppContext,
  calls: CrossCalls,
  place: Place,
  options: { terminal: boolean; defaults: SetupDefaults },
): Promise<void> {
  const here = { ...ctx, io: { ...ctx.io, ...place } };
  const opts = parseSetupArgs(argv, options.terminal);
  await runSetup(
    opts,
    setupDeps(here, opts, realSetupPorts(here, calls.runSchedule, calls.runShellInit), options.defaults),
  );
}
