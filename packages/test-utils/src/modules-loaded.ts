import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp-dir.js";

export type ModulesLoaded = { status: number | null; output: string; loaded: string[] };

/**
 * Runs `node <script> …args` with a preload that records `process.moduleLoadList` at exit: what Node
 * loaded of its own for that run (`NativeModule child_process`, `Internal Binding …`). Start-up is
 * checked by what is loaded, never by time. Output goes to a file, as in the benches: a pipe would
 * load node:net for the pipe itself.
 */
export function modulesLoaded(
  script: string,
  args: readonly string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv },
): ModulesLoaded {
  const dir = tempDir("modules-loaded-");
  const list = join(dir, "modules.txt");
  const preload = join(dir, "record.cjs");
  writeFileSync(
    preload,
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join("\\n")));\n`,
  );
  const out = openSync(join(dir, "output.txt"), "w");
  const run = spawnSync(process.execPath, ["--require", preload, script, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  return {
    status: run.status,
    output: readFileSync(join(dir, "output.txt"), "utf8"),
    loaded: readFileSync(list, "utf8").split("\n"),
  };
}
