import pkg from "../package.json" with { type: "json" };
import { main, type FixModule } from "./main.js";
import type { Spawn } from "./source/run-git.js";
import { childProcessSpawn, spawnSyncOf } from "./source/spawn-sync.js";

const childProcessSpawnSync = (): Spawn =>
  childProcessSpawn(process.getBuiltinModule("node:child_process").spawnSync);
let spawnSync: Spawn | undefined;

// The only module that touches `process`. Bundled as CommonJS (see build.mjs), so no top-level await:
// the exit code is set when main settles, and node exits once nothing is left to do.
void main(process.argv.slice(2), {
  io: {
    // Touching process.stdout costs a stream (a socket for a pipe): only when there is something to say.
    stdout: (text) => void (text === "" || process.stdout.write(text)),
    stderr: (text) => void (text === "" || process.stderr.write(text)),
    env: process.env,
    cwd: process.cwd(),
    pid: process.pid,
    // `process.getBuiltinModule` (Node >= 20.16) rather than `await import()`: the checker is bundled as
    // CommonJS (see build.mjs), where import() would start the ES module loader just for this.
    // A commit's one git run goes through Node's spawn_sync binding where it may (spawn-sync.ts): loading
    // node:child_process would cost the commit ~4 ms more.
    loadSpawn: () =>
      (spawnSync ??=
        spawnSyncOf(
          {
            // Deprecated in the documentation only, so not in @types/node; spawn-sync.ts checks it.
            binding: Reflect.get(process, "binding"),
            execArgv: process.execArgv,
            env: process.env,
            errorName: (errno) => process.getBuiltinModule("node:util").getSystemErrorName(errno),
          },
          childProcessSpawnSync,
        ) ?? childProcessSpawnSync()),
    loadSpawnAsync: () => process.getBuiltinModule("node:child_process").spawn,
  },
  version: pkg.version,
  // A separate ES module bundle beside this one (see build.mjs): the commit path never loads it.
  loadFix: () => import(new URL("./hub-token-check-fix.mjs", import.meta.url).href) as Promise<FixModule>,
  self: process.argv[1] === undefined ? [] : [process.execPath, process.argv[1]],
}).then((code) => {
  process.exitCode = code;
});
