import type { Io } from "./io.js";
import type { Env, SetupDefaults } from "./ports.js";

/**
 * What every command receives from the composition root (bin.ts → main.ts). Heavy ports (HTTP, the
 * secret store, the prompter) are built by the command that needs them, from `adapters/`, so that
 * `--help` and `--version` load nothing heavy.
 */
export type AppContext = {
  io: Io;
  version: string;
  /** Aborted on SIGINT/SIGTERM: long-running commands (sandbox, exec) stop cleanly. */
  signal: AbortSignal;
  now: () => Date;
};

/** Where a command runs: its environment and working folder. */
export type Place = { env: Env; cwd: string };

/**
 * The calls one command makes to another, wired by main.ts. A command never imports another command
 * (nor the registry): that is what keeps the import graph free of cycles.
 */
export type CrossCalls = {
  /** The whole `hub-setup --help` (the wizard's --help is the same text). */
  help: () => string;
  /** `hub-setup schedule <argv>` in `place` (the wizard offers it); its exit code. */
  runSchedule: (argv: string[], place: Place) => Promise<number>;
  /** `hub-setup shell-init <argv>` in `place` (the wizard offers it); its exit code. */
  runShellInit: (argv: string[], place: Place) => Promise<number>;
  /** `hub-setup exec <argv>` in `place` (the demo's install); its exit code. */
  runExec: (argv: string[], place: Place) => Promise<number>;
  /** The wizard in `place` with other defaults (the demo); `terminal`: questions may be asked. */
  runWizard: (
    argv: string[],
    place: Place,
    options: { terminal: boolean; defaults: SetupDefaults },
  ) => Promise<void>;
};

/** A command's module (`commands/<name>/index.ts`): argv after its name in, exit code out. */
export type CommandModule = {
  run: (argv: string[], ctx: AppContext, calls: CrossCalls) => Promise<number>;
};
