// Runs the checker bundle (dist/hub-token-check.cjs) with V8's code cache, the way Node >= 22's
// module.enableCompileCache would, which Node 20 lacks. The commit path runs one small scan, so most of
// its own time was V8 compiling the bundle's functions as they are first called; `npm run build` runs the
// checker once on a staged commit and saves what V8 compiled there beside the bundle
// (dist/hub-token-check.cjs.v8-cache, see build.mjs). V8 takes that cache only from the same V8 version
// and flags, and checks it against the source; otherwise it says so (`cachedDataRejected`) and compiles
// as `require` would. Nothing is ever written at run time: the cache ships in the package, read-only.
"use strict";
const { readFileSync } = require("node:fs");
const { dirname } = require("node:path");
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
  // No importModuleDynamically: in Node 20 its one form that resolves like node's own loader warns that
  // it is experimental, and V8 drops it when it takes a cache. The bundle's one import() (the --fix
  // bundle) is never reached here: bin/hub-token-check.cjs runs --fix through require() instead.
  const script = new Script(WRAPPER[0] + source + WRAPPER[1], { filename: file, cachedData });
  return { script, rejected: cachedData === undefined ? undefined : script.cachedDataRejected };
}

/** Runs a compiled bundle as node runs a CommonJS file; `require` is only asked for node's built-ins. */
function runBundle(script, file, requireBuiltin) {
  const bundleModule = { exports: {} };
  script.runInThisContext()(bundleModule.exports, requireBuiltin, bundleModule, file, dirname(file));
}

/** What V8 compiled while `script` ran, to save as its cache (build.mjs). */
function codeCacheOf(script) {
  return Buffer.from(script.createCachedData());
}

module.exports = { compileBundle, runBundle, codeCacheOf };
