import { parseArgs } from "node:util";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { HELP } from "./help.js";
import type { Io } from "./io.js";

export type MainDeps = { io: Io; version: string };

/** The composition root: argv in, exit code out. Only bin.ts touches `process`. */
export function main(argv: readonly string[], deps: MainDeps): Promise<ExitCode> {
  const { io } = deps;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "V" },
        all: { type: "boolean" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.stderr(
      `hub-token-check: ${error instanceof Error ? error.message : String(error)}\n  run \`hub-token-check --help\` for usage\n`,
    );
    return Promise.resolve(EXIT.ERROR);
  }
  if (parsed.values.version === true) {
    io.stdout(`hub-token-check ${deps.version}\n`);
    return Promise.resolve(EXIT.CLEAN);
  }
  if (parsed.values.help === true) {
    io.stdout(HELP);
    return Promise.resolve(EXIT.CLEAN);
  }
  io.stderr("hub-token-check: scanning is not implemented yet\n");
  return Promise.resolve(EXIT.ERROR);
}
