import { HubSetupError } from "@hub-setup/core";
import type { AppContext, CrossCalls, Place } from "./context.js";
import { EXIT, exitCodeFor } from "./exit-codes.js";
import { fsHint, fsReason, isFsError } from "./fs-errors.js";
import { renderHelp } from "./help.js";
import type { Io } from "./io.js";
import { COMMANDS, DEFAULT_COMMAND, findCommand, SETUP_COMMAND, type CommandEntry } from "./registry.js";
import { safeArg } from "./safe-arg.js";

const HELP = renderHelp(COMMANDS, DEFAULT_COMMAND);

/**
 * The composition root: argv in, exit code out. Only bin.ts touches `process`.
 * `hub-setup [flags]` is the wizard (`setup`); `hub-setup <command> …` runs that command.
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
  const named = findCommand(first);
  const command = named ?? DEFAULT_COMMAND;
  try {
    if (first !== undefined && !first.startsWith("-") && named === undefined) {
      throw new HubSetupError("USAGE", `unknown command "${safeArg(first)}"`, {
        hint: "run `hub-setup --help` for the commands",
      });
    }
    if (named?.subcommands !== undefined && rest.length === 0) {
      // `hub-setup ee` alone asks nothing of ee: a usage error, as any other missing argument is.
      ctx.io.stderr(
        `hub-setup ${named.name}: which one? ${named.subcommands.map((s) => `\`${named.name} ${s}\``).join(", ")}\n\n${named.usage}`,
      );
      return EXIT.USAGE;
    }
    return await runCommand(command, named === undefined ? [...argv] : rest, ctx);
  } catch (error) {
    return report(error, ctx.io, named);
  }
}

async function runCommand(command: CommandEntry, argv: string[], ctx: AppContext): Promise<number> {
  const module = await command.load();
  return module.run(argv, ctx, crossCalls(ctx));
}

/** One command calling another (the wizard offers `schedule`, the demo runs the wizard and `exec`). */
function crossCalls(ctx: AppContext): CrossCalls {
  const at = (place: Place): AppContext => ({ ...ctx, io: { ...ctx.io, ...place } });
  const byName = (name: string) => findCommand(name) ?? DEFAULT_COMMAND;
  const calls: CrossCalls = {
    help: () => HELP,
    runSchedule: (argv, place) => runCommand(byName("schedule"), argv, at(place)),
    runExec: (argv, place) => runCommand(byName("exec"), argv, at(place)),
    runShellInit: (argv, place) => runCommand(byName("shell-init"), argv, at(place)),
    runWizard: async (argv, place, options) => {
      const setup = await SETUP_COMMAND.load();
      await setup.runWizardAt(argv, ctx, calls, place, options);
    },
  };
  return calls;
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
