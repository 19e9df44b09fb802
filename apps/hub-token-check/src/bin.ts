import pkg from "../package.json" with { type: "json" };
import type { FixModule } from "./main.js";
import { gitRunner, prefetchGit, type Spawn } from "./source/run-git.js";
import { STAGED_PATCH_ARGS } from "./source/staged-patch.js";

// The only module that touches `process`. Bundled as CommonJS (see build.mjs), so no top-level await:
// the exit code is set when main settles, and node exits once nothing is left to do.
const argv = process.argv.slice(2);
const cwd = process.cwd();
// `process.getBuiltinModule` (Node >= 20.16) rather than `await import()`: the checker is bundled as
// CommonJS (see build.mjs), where import() would start the ES module loader just for this.
const loadSpawn = (): Spawn => process.getBuiltinModule("node:child_process").spawn;
// The commit path (no arguments: what the git hook runs) makes one git call, `git diff --cached`:
// start it before anything else, so that git runs while the rest of the checker loads. main.js comes in
// by import(), which esbuild turns into a plain call into this same file (no ES module loader): its
// modules are set up only after git has started.
const git =
  argv.length === 0 ? prefetchGit(gitRunner(cwd, process.env, loadSpawn), STAGED_PATCH_ARGS) : undefined;

void import("./main.js")
  .then(({ main }) =>
    main(argv, {
      io: {
        // Touching process.stdout costs a stream (a socket for a pipe): only when there is something to say.
        stdout: (text) => void (text === "" || process.stdout.write(text)),
        stderr: (text) => void (text === "" || process.stderr.write(text)),
        env: process.env,
        cwd,
        pid: process.pid,
        loadSpawn,
      },
      version: pkg.version,
      ...(git === undefined ? {} : { ports: { git } }),
      // A separate ES module bundle beside this one (see build.mjs): the commit path never loads it.
      loadFix: () => import(new URL("./hub-token-check-fix.mjs", import.meta.url).href) as Promise<FixModule>,
      self: process.argv[1] === undefined ? [] : [process.execPath, process.argv[1]],
    }),
  )
  .then((code) => {
    process.exitCode = code;
  });
