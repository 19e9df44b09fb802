import { HubSetupError } from "@hub-setup/core";
import { EXIT, exitCodeFor } from "./exit-codes.js";
import { fsHint, fsReason, isFsError } from "./fs-errors.js";
import type { Io } from "./io.js";
import type { CommandEntry } from "./registry.js";
import { safeArg } from "./safe-arg.js";

/**
 * What main.ts needs only when something went wrong: the error report, and the usage error for an
 * unknown command. Both echo text they did not write through safeArg, that is core's token detector,
 * so main.ts loads this module by import() and `--help` never loads the detector.
 */

/** `hub-setup <name>` with a name no command has. */
export function unknownCommand(name: string): HubSetupError {
  return new HubSetupError("USAGE", `unknown command "${safeArg(name)}"`, {
    hint: "run `hub-setup --help` for the commands",
  });
}

/**
 * The one place an error becomes text and an exit code. Messages never carry a full token: every one
 * passes through safeArg, the last guard for a value echoed from argv (Node's parseArgs quotes it).
 */
export function report(error: unknown, io: Io, command?: CommandEntry): number {
  if (error instanceof HubSetupError) {
    if (error.code === "CANCELLED") {
      io.stderr("Cancelled. Nothing was written.\n");
      return EXIT.CANCELLED;
    }
    io.stderr(safeArg(`hub-setup: ${error.message}\n${hintLine(error)}${usageLine(error, command)}`));
    return exitCodeFor(error);
  }
  if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    io.stderr(`hub-setup: ${safeArg(error.message)}\n  run \`hub-setup --help\` for usage\n`);
    return EXIT.USAGE;
  }
  if (isFsError(error)) {
    // A full disk, a file size limit, a folder we may not create: ansible.cfg or the store is unusable.
    const what = error.path === undefined ? "" : ` ${error.path}`;
    const action = error.syscall === undefined ? "use" : `${error.syscall}`;
    io.stderr(safeArg(`hub-setup: cannot ${action}${what}: ${fsReason(error)}\n  ${fsHint(error)}\n`));
    return exitCodeFor(error);
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

/** After a usage error in a named command: how that command is called (from its registry entry). */
function usageLine(error: HubSetupError, command: CommandEntry | undefined): string {
  return error.code === "USAGE" && command !== undefined && !command.isDefault
    ? `  usage: hub-setup ${command.synopsis}\n`
    : "";
}
