import { removeBackupsHolding } from "../../adapters/backups.js";
import { configWriter, readConfig } from "../../adapters/config.js";
import { openTokenStore } from "../../adapters/store.js";
import { workspacePorts } from "../../adapters/workspace.js";
import type { AppContext } from "../../context.js";
import { inquirerPrompter } from "../../prompter/inquirer.js";
import { noPrompter } from "../../prompter/no-prompter.js";
import { runLogout } from "./run.js";

/** `hub-setup logout`: real ports for the folder and environment in ctx.io. */
export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const env = ctx.io.env;
  return runLogout(argv, {
    loadConfig: workspacePorts(ctx.io).loadConfig,
    readConfig,
    writeConfig: configWriter(env),
    removeBackupsHolding: (path, secrets) => removeBackupsHolding(env, path, secrets),
    openStore: () => openTokenStore(env),
    terminal: ctx.io.isInteractiveTerminal,
    prompter: (interactive) =>
      interactive ? inquirerPrompter({ input: ctx.io.stdin, signal: ctx.signal }) : noPrompter,
    stdout: ctx.io.stdout,
  });
}
