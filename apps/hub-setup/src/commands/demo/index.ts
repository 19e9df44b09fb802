import type { AppContext, CrossCalls } from "../../context.js";
import { EXIT } from "../../exit-codes.js";
import { parseFlags } from "../../flags.js";
import { runDemo } from "./run.js";
import { DEMO } from "../specs.js";

/** `hub-setup demo`: runs the wizard and then `exec`, both through `calls` (main.ts wires them). */
export async function run(argv: string[], ctx: AppContext, calls: CrossCalls): Promise<number> {
  const { values } = parseFlags(DEMO, argv);
  if (values.help === true) {
    ctx.io.stdout(DEMO.usage);
    return EXIT.OK;
  }
  const interactive = ctx.io.isInteractiveTerminal && values["no-interactive"] !== true;
  return runDemo({ interactive, keep: values.keep === true }, ctx, calls);
}
