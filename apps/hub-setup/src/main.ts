import { HubSetupError } from "@hub-setup/core";
import { COMMANDS, isCommandName } from "./commands/index.js";
import type { AppContext } from "./context.js";
import { EXIT, exitCodeFor } from "./exit-codes.js";
import { HELP } from "./help.js";
import type { Io } from "./io.js";
import { safeArg } from "./safe-arg.js";

/**
 * The composition root: argv in, exit code out. Only bin.ts touches `process`.
 * `hub-setup [flags]` is the wizard (`setup`); `hub-setup <command> …` runs a subcommand.
 */
export async function main(argv: readonly string[], ctx: AppContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "--version" || first === "-V") {
    ctx.io.stdout(`hub-setup ${ctx.version}\n`);
    return EXIT.OK;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    ctx.io.stdout(HELP);
    return EXIT.OK;
  }
  try {
    if (first !== undefined && !first.startsWith("-") && !isCommandName(first)) {
      throw new HubSetupError("USAGE", `unknown command "${safeArg(first)}"`, {
        hint: "run `hub-setup --help` for the commands",
      });
    }
    const name = isCommandName(first) && first !== undefined ? first : "setup";
    const args = isCommandName(first) ? rest : [...argv];
    const command = await COMMANDS[name]!();
    return await command.run(args, ctx);
  } catch (error) {
    return report(error, ctx.io);
  }
}

/**
 * The one place an error becomes text and an exit code. Messages never carry a full token: every one
 * passes through safeArg, the last guard for a value echoed from argv (Node's parseArgs quotes it).
 */
export function report(error: unknown, io: Io): number {
  if (error instanceof HubSetupError) {
    if (error.code === "CANCELLED") {
      io.stderr("Cancelled. Nothing was written.\n");
      return EXIT.CANCELLED;
    }
    io.stderr(safeArg(`hub-setup: ${error.message}\n${hintLine(error)}`));
    return exitCodeFor(error);
  }
  if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    io.stderr(`hub-setup: ${safeArg(error.message)}\n  run \`hub-setup --help\` for usage\n`);
    return EXIT.USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`hub-setup: unexpected error: ${safeArg(message)}\n`);
  return EXIT.ERROR;
}

/** The hint on its own line, unless the message already ends by saying it (core's messages often do). */
function hintLine(error: HubSetupError): string {
  if (error.hint === undefined) return "";
  const said = (text: string) => text.toLowerCase().replace(/[.\s]+$/, "");
  return said(error.message).includes(said(error.hint)) ? "" : `  ${error.hint}\n`;
}
