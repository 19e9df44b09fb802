import { parseArgs, type ParseArgsConfig } from "node:util";
import { HubSetupError } from "@hub-setup/core";
import { safeArg } from "./safe-arg.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Strict flag parsing for one subcommand: an unknown flag or a stray argument is a usage error that
 * names the command and points at its --help. `-h`/`--help` is always accepted.
 */
export type FlagValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

export function parseFlags(command: string, argv: readonly string[], options: Options): FlagValues {
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
    return parsed.values;
  } catch (error) {
    // Node's message quotes the argument it refused ("Unexpected argument '<value>'"): a pasted token,
    // maybe. Only its redacted form is kept, and not the original error as a cause.
    throw usageError(command, safeArg(error instanceof Error ? error.message : String(error)));
  }
}

export function usageError(command: string, message: string, cause?: unknown): HubSetupError {
  return new HubSetupError("USAGE", `${command}: ${message}`, {
    hint: `run \`hub-setup ${command} --help\` for its usage`,
    cause,
  });
}
