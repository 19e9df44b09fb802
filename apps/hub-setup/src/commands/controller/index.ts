import { openController } from "../../adapters/controller.js";
import { openConsumerState } from "../../adapters/store.js";
import { workspacePorts } from "../../adapters/workspace.js";
import type { AppContext } from "../../context.js";
import { EXIT } from "../../exit-codes.js";
import { parseFlags, usageError } from "../../flags.js";
import { safeArg } from "../../safe-arg.js";
import { runPush } from "./push.js";
import { CONTROLLER } from "../specs.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const [action, ...rest] = argv;
  if (action === undefined || action === "--help" || action === "-h") {
    ctx.io.stdout(CONTROLLER.usage);
    return action === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (action !== "push")
    throw usageError(CONTROLLER, `unknown action "${safeArg(action)}": the one action is push`);
  const { values } = parseFlags(CONTROLLER, rest);
  if (values.help === true) {
    ctx.io.stdout(CONTROLLER.usage);
    return EXIT.OK;
  }
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const credential = text(values.credential);
  if (credential === undefined) throw usageError(CONTROLLER, "--credential NAME is required");
  const { loadConfig, openStore, openChecks } = workspacePorts(ctx.io);
  return runPush(
    {
      credential,
      organization: text(values.organization),
      server: text(values.server),
      controllerUrl: text(values["controller-url"]),
      first: values.first === true,
    },
    {
      loadConfig,
      openStore,
      openChecks,
      env: ctx.io.env,
      openController: (target) => openController(ctx.io.env, target),
      openConsumers: () => openConsumerState(ctx.io.env),
      now: ctx.now,
      signal: ctx.signal,
      stdout: ctx.io.stdout,
      stderr: ctx.io.stderr,
    },
  );
}
