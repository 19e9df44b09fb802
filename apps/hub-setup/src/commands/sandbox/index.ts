import { parseArgs } from "node:util";
import { HubSetupError } from "@hub-setup/core";
import type { AppContext } from "../../context.js";
import { EXIT } from "../../exit-codes.js";
import { safeArg } from "../../safe-arg.js";

const USAGE = `Usage: hub-setup sandbox [--port N] [--state-dir DIR]

Runs a local Red Hat SSO, Automation Hub and private automation hub on 127.0.0.1 until Ctrl-C, and
prints their URLs, fake tokens and the ansible.cfg lines that use them.
  --port N          listen on port N (default: a free port)
  --state-dir DIR   keep tokens and state in DIR, so a restart keeps the same tokens
`;

/** `hub-setup sandbox`: flags in, @hub-setup/sandbox's command out; Ctrl-C (ctx.signal) stops it. */
export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      "state-dir": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help === true) {
    ctx.io.stdout(USAGE);
    return EXIT.OK;
  }
  if (positionals.length > 0) {
    throw new HubSetupError(
      "USAGE",
      `sandbox: unexpected argument ${safeArg(JSON.stringify(positionals[0]))}`,
      {
        hint: "run `hub-setup sandbox --help`",
      },
    );
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
    if (!(port >= 0 && port <= 65535)) {
      throw new HubSetupError(
        "USAGE",
        `sandbox: --port ${safeArg(JSON.stringify(values.port))} is not a port number (0–65535)`,
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
