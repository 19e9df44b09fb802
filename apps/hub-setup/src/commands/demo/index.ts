import { parseArgs } from "node:util";
import { HubSetupError } from "@hub-setup/core";
import type { AppContext } from "../../context.js";
import { EXIT } from "../../exit-codes.js";
import { safeArg } from "../../safe-arg.js";
import { runDemo } from "./run.js";

const USAGE = `Usage: hub-setup demo [--no-interactive] [--keep]

Runs the wizard against a sandbox started in this process (a local Red Hat SSO, Automation Hub and
private hub), writing only into a throw-away folder, then installs a collection from the sandbox with
the real ansible-galaxy (where it is installed). In a terminal you answer the questions; without one
(CI, stdin closed) or with --no-interactive the demo answers them itself.
  --keep   keep the throw-away folder and print where it is
`;

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      "no-interactive": { type: "boolean" },
      keep: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help === true) {
    ctx.io.stdout(USAGE);
    return EXIT.OK;
  }
  if (positionals.length > 0)
    throw new HubSetupError("USAGE", `demo: unexpected argument ${safeArg(JSON.stringify(positionals[0]))}`);
  const interactive = ctx.io.isInteractiveTerminal && values["no-interactive"] !== true;
  return runDemo({ interactive, keep: values.keep === true }, ctx);
}
