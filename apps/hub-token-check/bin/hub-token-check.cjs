#!/usr/bin/env node
// The installed command. The checker is one bundled CommonJS file, dist/hub-token-check.cjs (see
// build.mjs): CommonJS because Node starts it ~4 ms sooner than an ES module. A check runs it with the V8
// code cache the build saved beside it (code-cache.cjs), which spares a commit most of its compiling.
// `--fix` loads its own bundle with import(), which only node's own loader gives a script: that run
// (at a terminal, about to load 600 kB more) takes the bundle through require(), without the cache.
"use strict";
const { join } = require("node:path");

const bundle = join(__dirname, "..", "dist", "hub-token-check.cjs");
const notBuilt = (error) =>
  error?.code === "ENOENT" ||
  (error?.code === "MODULE_NOT_FOUND" && String(error.message).includes("hub-token-check.cjs"));
try {
  if (process.argv.slice(2).includes("--fix")) {
    require(bundle);
  } else {
    const { compileBundle, runBundle } = require("./code-cache.cjs");
    runBundle(compileBundle(bundle, `${bundle}.v8-cache`).script, bundle, require);
  }
} catch (error) {
  if (!notBuilt(error)) throw error;
  console.error("hub-token-check is not built yet: run `npm run build` at the repository root.");
  process.exitCode = 70;
}
