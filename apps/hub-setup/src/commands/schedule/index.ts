import type { AppContext } from "../../context.js";
import { homeDir, runCommand, scheduleFiles, selfCommand } from "../../services.js";
import { runSchedule } from "./run.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  return runSchedule(argv, {
    env: ctx.io.env,
    home: homeDir(ctx.io.env),
    self: selfCommand(),
    files: scheduleFiles,
    run: runCommand,
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
  });
}
