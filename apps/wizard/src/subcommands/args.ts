import { parseArgs, type ParseArgsConfig } from "node:util";
import { HubSetupError } from "@hub-setup/core";

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
    throw usageError(command, error instanceof Error ? error.message : String(error), error);
  }
}

export function usageError(command: string, message: string, cause?: unknown): HubSetupError {
  return new HubSetupError("USAGE", `${command}: ${message}`, {
    hint: `run \`hub-setup ${command} --help\` for its usage`,
    cause,
  });
}
