import { parseArgs } from "node:util";
import { HubSetupError } from "@hub-setup/core";
import { EXIT, exitCodeFor, type ExitCode } from "./exit-codes.js";
import { HELP } from "./help.js";
import type { Io } from "./io.js";

export type MainDeps = { io: Io; version: string };

/** The composition root: argv in, exit code out. Only bin.ts touches `process`. */
export async function main(argv: readonly string[], deps: MainDeps): Promise<ExitCode> {
  const { io } = deps;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "V" } },
      allowPositionals: true,
      strict: true,
    });
    if (values.version === true) {
      io.stdout(`hub-setup ${deps.version}\n`);
      return EXIT.OK;
    }
    if (values.help === true || positionals.length === 0) {
      io.stdout(HELP);
      return EXIT.OK;
    }
    throw new HubSetupError("USAGE", `unknown command "${positionals[0] ?? ""}"`, {
      hint: "run `hub-setup --help` for the commands",
    });
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: Io): ExitCode {
  if (error instanceof HubSetupError) {
    io.stderr(`hub-setup: ${error.message}\n${error.hint === undefined ? "" : `  ${error.hint}\n`}`);
    return exitCodeFor(error);
  }
  if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    io.stderr(`hub-setup: ${error.message}\n  run \`hub-setup --help\` for usage\n`);
    return EXIT.USAGE;
  }
  io.stderr(`hub-setup: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.ERROR;
}
