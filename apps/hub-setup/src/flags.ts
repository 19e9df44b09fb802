import { parseArgs, type ParseArgsConfig } from "node:util";
import { HubSetupError } from "@hub-setup/core";
import { safeArg } from "./safe-arg.js";

/** Node's flag declarations (`{ json: { type: "boolean" } }`); `-h`/`--help` is added for every command. */
export type FlagOptions = NonNullable<ParseArgsConfig["options"]>;

/**
 * What a command declares once, in its own `spec.ts`: the registry lists it (dispatch, `--help`), and
 * the parser below reads its flags and names it in usage errors.
 */
export type CommandSpec<F extends FlagOptions = FlagOptions> = {
  name: string;
  /** Its line in `hub-setup --help`: how it is called, then what it does. */
  synopsis: string;
  summary: string;
  /** What `hub-setup <name> --help` prints. */
  usage: string;
  flags: F;
  /**
   * "refuse" (the default): an argument that is not a flag is a usage error. "command": the arguments
   * from the first non-flag (or after `--`) are a command to run (exec).
   */
  positionals?: "refuse" | "command";
  /** Usage errors say "<name>: …" and point at `hub-setup <name> --help`; the default command says neither. */
  isDefault?: boolean;
  /**
   * Its first argument names a subcommand (`controller push`, `ee build`): called with no argument at
   * all, dispatch prints its help to stderr and exits 2 (a usage error), without loading it.
   */
  subcommands?: readonly string[];
};

const HELP = { help: { type: "boolean", short: "h" } } as const;

type Config<F extends FlagOptions> = {
  args: string[];
  options: F & typeof HELP;
  strict: true;
  allowPositionals: true;
};

export type ParsedFlags<F extends FlagOptions> = ReturnType<typeof parseArgs<Config<F>>>["values"];

export function usageError(spec: CommandSpec, message: string, hint?: string): HubSetupError {
  return spec.isDefault === true
    ? new HubSetupError("USAGE", message, { hint: hint ?? "run `hub-setup --help` for the flags" })
    : new HubSetupError("USAGE", `${spec.name}: ${message}`, {
        hint: hint ?? `run \`hub-setup ${spec.name} --help\` for its usage`,
      });
}

/**
 * The one flag parser: strict, so an unknown flag or a stray argument is a usage error naming the
 * command. Node's messages quote the argument they refused (a pasted token, maybe): only its redacted
 * form is kept, and not the original error as a cause.
 */
export function parseFlags<F extends FlagOptions>(
  spec: CommandSpec<F>,
  argv: readonly string[],
): { values: ParsedFlags<F>; rest: string[] } {
  const [flagArgs, rest] = spec.positionals === "command" ? splitCommand(argv) : [[...argv], []];
  let parsed: ReturnType<typeof parseArgs<Config<F>>>;
  try {
    parsed = parseArgs<Config<F>>({
      args: flagArgs,
      options: { ...spec.flags, ...HELP },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw usageError(spec, safeArg(error instanceof Error ? error.message : String(error)));
  }
  const [stray] = parsed.positionals;
  if (stray !== undefined)
    throw usageError(spec, `unexpected argument ${JSON.stringify(safeArg(String(stray)))}`);
  return { values: parsed.values, rest };
}

/** `exec -- cmd args…` or `exec cmd args…`: the flags before the command, and the command. */
function splitCommand(argv: readonly string[]): [string[], string[]] {
  const at = argv.findIndex((arg) => arg === "--" || !arg.startsWith("-"));
  if (at === -1) return [[...argv], []];
  return [argv.slice(0, at), argv.slice(argv[at] === "--" ? at + 1 : at)];
}
