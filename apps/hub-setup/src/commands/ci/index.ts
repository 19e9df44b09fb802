import type { AppContext } from "../../context.js";
import { EXIT } from "../../exit-codes.js";
import { ciOptions } from "./options.js";
import { ciPorts } from "./real-ports.js";
import { configureCi } from "./run.js";
import { CI } from "../specs.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const options = ciOptions(argv, ctx.io.env);
  if (options.help) {
    ctx.io.stdout(CI.usage);
    return EXIT.OK;
  }
  return configureCi(options.inputs, options.names, options.mode, {
    ...ciPorts(ctx.io.env),
    now: ctx.now,
    signal: ctx.signal,
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
  });
}
