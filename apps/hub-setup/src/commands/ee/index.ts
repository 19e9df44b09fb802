import { containerRuntimes } from "../../adapters/container-runtime.js";
import { eeFiles } from "../../adapters/ee-files.js";
import { workspacePorts } from "../../adapters/workspace.js";
import type { AppContext } from "../../context.js";
import { runEe } from "./run.js";

export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const { scanImageFolder } = await import("@hub-setup/core/node");
  return runEe(argv, {
    ...workspacePorts(ctx.io),
    files: eeFiles(ctx.io.env),
    runtimes: containerRuntimes(ctx.io.env),
    scanImage: scanImageFolder,
    cwd: ctx.io.cwd,
    signal: ctx.signal,
    now: ctx.now,
    stdout: ctx.io.stdout,
    stderr: ctx.io.stderr,
  });
}
