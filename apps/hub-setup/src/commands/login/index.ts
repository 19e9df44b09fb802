import { followPorts } from "../../adapters/consumers.js";
import { workspacePorts } from "../../adapters/workspace.js";
import { mintPrivateHubToken } from "../../adapters/hub.js";
import { openTokenStore } from "../../adapters/store.js";
import type { AppContext } from "../../context.js";
import { tokenReplaced } from "../../consumers/follow.js";
import { inquirerPrompter } from "../../prompter/inquirer.js";
import { createSpinner } from "../../prompter/spinner.js";
import { noPrompter } from "../../prompter/no-prompter.js";
import { runLogin } from "./run.js";

/** `hub-setup login`: real ports for the folder and environment in ctx.io. */
export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const { loadConfig, openState, openChecks } = workspacePorts(ctx.io);
  return runLogin(argv, {
    env: ctx.io.env,
    loadConfig,
    openStore: (backend) => openTokenStore(ctx.io.env, backend),
    openState,
    openChecks,
    terminal: ctx.io.isInteractiveTerminal,
    prompter: (interactive) =>
      interactive ? inquirerPrompter({ input: ctx.io.stdin, signal: ctx.signal }) : noPrompter,
    spinner: createSpinner(ctx.io.stdout, ctx.io.isInteractiveTerminal),
    readStdin: () => ctx.io.readStdin(),
    stdout: ctx.io.stdout,
    mintToken: (target, username, password, signal) =>
      mintPrivateHubToken(ctx.io.env, target, username, password, signal),
    now: ctx.now,
    signal: ctx.signal,
    tokenStored: (server, token) => tokenReplaced(server, token, followPorts(ctx.io.env, ctx.now)),
  });
}
