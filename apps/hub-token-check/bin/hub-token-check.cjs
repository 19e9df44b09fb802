#!/usr/bin/env node
// The installed command. The checker is one bundled CommonJS file, dist/hub-token-check.cjs (see
// build.mjs): CommonJS because Node starts it ~4 ms sooner than an ES module.
//
// A check runs that bundle with V8's code cache, the way Node >= 22's module.enableCompileCache would,
// which Node 20 lacks: a commit runs one small scan, so most of its own time was V8 compiling the
// bundle's functions as they were first called. `npm run build` runs the checker once on a staged commit
// and saves what V8 compiled there beside the bundle (dist/hub-token-check.cjs.v8-cache; see
// build-code-cache.mjs). V8 takes that cache only from the same V8 version and flags, and checks it
// against the source; otherwise it says so (`cachedDataRejected`) and compiles as require() would.
// Nothing is written at run time: the cache ships in the package, read-only. (The loader lives in this
// file rather than a module of its own: resolving and loading a second file costs a commit ~0.5 ms.)
//
// `--fix` loads its own bundle with import(), which only node's own loader gives a script (vm's way to
// reach it is experimental in Node 20, and V8 drops it when it takes a cache): that run, at a terminal
// and about to load 600 kB more, takes the bundle through require(), without the cache.
"use strict";
const { readFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const WRAPPER = ["(function (exports, require, module, __filename, __dirname) {", "\n})"];

/**
 * Compiles `file` as CommonJS, with `cacheFile`'s code cache when it is there. `rejected` says whether
 * V8 refused the cache (undefined: there was none).
 */
function compileBundle(file, cacheFile) {
  // The bundle's first line is a hashbang, which is only valid at the very start of a script: keep its
  // length (and so every column V8 reports) but make it a comment inside the wrapper.
  const text = readFileSync(file, "utf8");
  const source = text.startsWith("#!") ? `//${text.slice(2)}` : text;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(WRAPPER[0] + source + WRAPPER[1], { filename: file, cachedData });
  return { script, rejected: cachedData === undefined ? undefined : script.cachedDataRejected };
}

/** Runs a compiled bundle as node runs a CommonJS file; `require` is only asked for node's built-ins. */
function runBundle(script, file) {
  const bundleModule = { exports: {} };
  script.runInThisContext()(bundleModule.exports, require, bundleModule, file, dirname(file));
}

/** What V8 compiled while `script` ran, to save as its cache (build-code-cache.mjs). */
function codeCacheOf(script) {
  return Buffer.from(script.createCachedData());
}

/** Runs the checker on this process's arguments. */
function runCommand() {
  const bundle = join(__dirname, "..", "dist", "hub-token-check.cjs");
  try {
    if (process.argv.slice(2).includes("--fix")) require(bundle);
    else runBundle(compileBundle(bundle, `${bundle}.v8-cache`).script, bundle);
  } catch (error) {
    const missing =
      error?.code === "ENOENT" ||
      (error?.code === "MODULE_NOT_FOUND" && String(error.message).includes("hub-token-check.cjs"));
    if (!missing) throw error;
    console.error("hub-token-check is not built yet: run `npm run build` at the repository root.");
    process.exitCode = 70;
  }
}

module.exports = { compileBundle, runBundle, codeCacheOf, runCommand };
// Run as a command (node, npm's bin link, a git hook); required (the build, tests), it only lends these.
if (require.main === module) runCommand();
