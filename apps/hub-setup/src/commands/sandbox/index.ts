import type { AppContext } from "../../context.js";
import { EXIT } from "../../exit-codes.js";
import { parseFlags, usageError } from "../../flags.js";
import { safeArg } from "../../safe-arg.js";
import { SANDBOX } from "../specs.js";

/** `hub-setup sandbox`: flags in, @hub-setup/sandbox's command out; Ctrl-C (ctx.signal) stops it. */
export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const { values } = parseFlags(SANDBOX, argv);
  if (values.help === true) {
    ctx.io.stdout(SANDBOX.usage);
    return EXIT.OK;
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
    if (!(port >= 0 && port <= 65535)) {
      throw usageError(
        SANDBOX,
        `--port ${JSON.stringify(safeArg(String(values.port)))} is not a port number (0–65535)`,
      );
    }
  }
  const stateDir = values["state-dir"];
  const { runSandboxCommand } = await import("@hub-setup/sandbox");
  return runSandboxCommand(
    { ...(port === undefined ? {} : { port }), ...(stateDir === undefined ? {} : { stateDir }) },
    { stdout: ctx.io.stdout, signal: ctx.signal },
  );
}
