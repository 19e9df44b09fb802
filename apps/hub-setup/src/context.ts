import type { Io } from "./io.js";

/**
 * What every command receives from the composition root (bin.ts → main.ts). Heavy ports (HTTP, the
 * secret store, the prompter) are built by the command that needs them, from `services.ts`, so that
 * `--help` and `--version` load nothing heavy.
 */
export type AppContext = {
  io: Io;
  version: string;
  /** Aborted on SIGINT/SIGTERM: long-running commands (sandbox, exec) stop cleanly. */
  signal: AbortSignal;
  now: () => Date;
};

/** A subcommand: argv after its name in, exit code out. */
export type Command = {
  name: string;
  summary: string;
  run: (argv: string[], ctx: AppContext) => Promise<number>;
};
