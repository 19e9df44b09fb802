import { parseFlags, usageError, type CommandSpec, type FlagOptions, type ParsedFlags } from "../../flags.js";
import type { RuntimeName } from "../../ports.js";
import { safeArg } from "../../safe-arg.js";
import { RUNTIMES } from "./runtime.js";
import { EE } from "../specs.js";

export type Subcommand = "build" | "prepare" | "secret";

/** `ee <sub> …`: which subcommand, and the arguments after it. */
export function splitSubcommand(argv: readonly string[]): { sub: Subcommand | "help"; rest: string[] } {
  const [first, ...rest] = argv;
  if (first === undefined || first === "-h" || first === "--help" || first === "help")
    return { sub: "help", rest };
  if (first === "build" || first === "prepare" || first === "secret") return { sub: first, rest };
  throw usageError(EE, `unknown subcommand ${safeArg(JSON.stringify(first))}: build, prepare or secret`);
}

/** Flags before `--`, and everything after it (the runtime's own arguments) as given. */
export function parseWithPassThrough<F extends FlagOptions>(
  spec: CommandSpec<F>,
  argv: readonly string[],
): { values: ParsedFlags<F>; passThrough: string[] } {
  const at = argv.indexOf("--");
  const before = at === -1 ? argv : argv.slice(0, at);
  const { values } = parseFlags(spec, before);
  return { values, passThrough: at === -1 ? [] : argv.slice(at + 1) };
}

export function runtimeFlag(spec: CommandSpec, value: unknown): RuntimeName | undefined {
  if (value === undefined) return undefined;
  const name = RUNTIMES.find((r) => r === value);
  if (name === undefined) {
    throw usageError(
      spec,
      `--runtime must be one of ${RUNTIMES.join(", ")}, not ${safeArg(JSON.stringify(value))}`,
    );
  }
  return name;
}

/** A flag that names a path must not be empty. */
export function pathFlag(spec: CommandSpec, flag: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") throw usageError(spec, `--${flag} needs a path`);
  return value;
}

export function isInside(child: string, parent: string): boolean {
  const p = parent.endsWith("/") ? parent : `${parent}/`;
  return child === parent || child.startsWith(p);
}
