import { runAction } from "../commands/ci/action.js";
import { errorCommand } from "../commands/ci/workflow-commands.js";
import { safeArg } from "../safe-arg.js";

/**
 * The GitHub Action's entry (bundled as CommonJS into apps/hub-setup/action/dist/index.cjs, which
 * action.yml runs with node20): the only place the action touches `process`. No top-level await: the
 * bundle is CommonJS.
 */
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());

runAction(process.env, {
  now: () => new Date(),
  signal: controller.signal,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // configureCi reports its own failures; this is a bug. Its message, never a stack with values.
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(errorCommand(`unexpected error: ${safeArg(message)}`, "hub-setup"));
    process.exitCode = 1;
  },
);
