import type { AppContext, CrossCalls, Place } from "./context.js";
import { EXIT } from "./exit.js";
import { renderHelp } from "./help.js";
import { COMMANDS, DEFAULT_COMMAND, findCommand, SETUP_COMMAND, type CommandEntry } from "./registry.js";

const HELP = renderHelp(COMMANDS, DEFAULT_COMMAND);

/**
 * The composition root: argv in, exit code out. Only bin.ts touches `process`.
 * `hub-setup [flags]` is the wizard (`setup`); `hub-setup <command> …` runs that command.
 *
 * Its static imports are what `--help`, `--version` and dispatch need (the registry's specs, the exit
 * codes), and nothing else: a command's code comes in by its registry `load`, the error report
 * (report.ts, with core's token detector) by import() when there is an error to report, so that these
 * start without loading either (test/help-path.test.ts).
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
      throw (await loadReport()).unknownCommand(first);
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
    return (await loadReport()).report(error, ctx.io, named);
  }
}

const loadReport = () => import("./report.js");

async function runCommand(command: CommandEntry, argv: string[], ctx: AppContext): Promise<number> {
  // The report is loaded with the command, not only once it failed: by then a file may not open
  // (EMFILE), and an error that cannot be reported would reach the user unredacted, with its stack.
  const [module] = await Promise.all([command.load(), loadReport()]);
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
