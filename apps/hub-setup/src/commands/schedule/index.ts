import { runCommand } from "../../adapters/child.js";
import { homeDir } from "../../adapters/home.js";
import { scheduleFiles } from "../../adapters/schedule-files.js";
import type { AppContext } from "../../context.js";
import { runSchedule } from "./run.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  return runSchedule(argv, {
    env: ctx.io.env,
    home: homeDir(ctx.io.env),
    self: ctx.io.self,
    files: scheduleFiles,
    run: runCommand,
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
  });
}
