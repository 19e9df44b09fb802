import { configWriter, readConfig } from "../../adapters/config.js";
import { makeFolder } from "../../adapters/files.js";
import { homeDir } from "../../adapters/home.js";
import type { AppContext } from "../../context.js";
import { runShellInit } from "./run.js";

/** `hub-setup shell-init`: the rc file is read and written like ansible.cfg (atomic, locked, backed up). */
export async function run(argv: string[], ctx: AppContext): Promise<number> {
  const env = ctx.io.env;
  const write = configWriter(env);
  return runShellInit(argv, {
    env,
    home: homeDir(env),
    self: ctx.io.self,
    readFile: readConfig,
    writeFile: (path, text, expected) => write(path, text, expected),
    makeFolder: (path) => makeFolder(path, 0o755),
    stdout: ctx.io.stdout,
  });
}
