import type { CommandSpec } from "./flags.js";
import type { CommandModule } from "./context.js";
import {
  CI,
  CONTROLLER,
  DEMO,
  EE,
  EE_BUILD,
  EE_PREPARE,
  EE_SECRET,
  ENV,
  EXEC,
  LOGIN,
  LOGOUT,
  REFRESH,
  SANDBOX,
  SCHEDULE,
  SETUP,
  SHELL_INIT,
  STATUS,
} from "./commands/specs.js";

/**
 * Every command, in `--help` order. Dispatch and `--help` are generated from this list. `load` imports
 * the command's code only when it runs (the bundle keeps it in dist/chunks/), so start-up stays fast.
 * To add a command: a folder commands/<name>/ with spec.ts (flags, usage) and index.ts (`run`), and
 * one line here.
 */
export type CommandEntry = CommandSpec & { load: () => Promise<CommandModule> };

export const SETUP_COMMAND = { ...SETUP, load: () => import("./commands/setup/index.js") };

export const COMMANDS: readonly CommandEntry[] = [
  SETUP_COMMAND,
  { ...STATUS, load: () => import("./commands/status/index.js") },
  { ...LOGIN, load: () => import("./commands/login/index.js") },
  { ...LOGOUT, load: () => import("./commands/logout/index.js") },
  { ...REFRESH, load: () => import("./commands/refresh/index.js") },
  { ...EXEC, load: () => import("./commands/exec/index.js") },
  { ...ENV, load: () => import("./commands/env/index.js") },
  { ...SHELL_INIT, load: () => import("./commands/shell-init/index.js") },
  {
    ...EE,
    subcommands: [EE_BUILD, EE_PREPARE, EE_SECRET].map((spec) => spec.name.replace(/^ee /, "")),
    load: () => import("./commands/ee/index.js"),
  },
  { ...SCHEDULE, load: () => import("./commands/schedule/index.js") },
  { ...CI, load: () => import("./commands/ci/index.js") },
  { ...CONTROLLER, subcommands: ["push"], load: () => import("./commands/controller/index.js") },
  { ...SANDBOX, load: () => import("./commands/sandbox/index.js") },
  { ...DEMO, load: () => import("./commands/demo/index.js") },
];

/** `setup` is the default: `hub-setup [flags]` runs the wizard. */
export const DEFAULT_COMMAND: CommandEntry = SETUP_COMMAND;

export function findCommand(name: string | undefined): CommandEntry | undefined {
  return COMMANDS.find((command) => command.name === name);
}
