import { HubSetupError } from "@hub-setup/core";
import type { AppContext } from "../../context.js";
import { inquirerPrompter } from "../../prompter/inquirer.js";
import type { Prompter } from "../../prompter/prompter.js";
import { createSpinner } from "../../prompter/spinner.js";
import type { SetupOptions } from "./options.js";
import type { SetupDefaults, SetupDeps, SetupPorts } from "./setup-ports.js";
import { realSetupPorts } from "./real-ports.js";
import { colourWanted, makeStyle } from "./style.js";

/** The Prompter for --no-interactive: the steps never ask then, and if one did, that is a bug to report. */
export const noPrompter: Prompter = new Proxy({} as Prompter, {
  get: (_target, method) => (question: { message?: string }) =>
    Promise.reject(
      new HubSetupError(
        "INTERNAL",
        `hub-setup asked "${question.message ?? String(method)}" without a terminal`,
      ),
    ),
});

/** The wizard's dependencies for a real run: inquirer in a terminal, the real ports, colour when wanted. */
export function setupDeps(
  ctx: AppContext,
  opts: SetupOptions,
  extra: { ports?: SetupPorts; defaults?: SetupDefaults } = {},
): SetupDeps {
  const ports = extra.ports ?? realSetupPorts(ctx);
  const terminal = ctx.io.isInteractiveTerminal;
  const deps: SetupDeps = {
    prompter: opts.interactive ? inquirerPrompter({ signal: ctx.signal }) : noPrompter,
    spinner: createSpinner(ctx.io.stdout, terminal),
    ports,
    style: makeStyle(colourWanted(terminal, ports.env)),
    print: ctx.io.stdout,
    signal: ctx.signal,
    now: ctx.now,
  };
  return extra.defaults === undefined ? deps : { ...deps, defaults: extra.defaults };
}
