#!/usr/bin/env node
// The installed command, and the pre-commit framework's entry (/.pre-commit-hooks.yaml). The checker is
// one bundled CommonJS file (see build.mjs): CommonJS because Node starts it ~4 ms sooner than an ES
// module. npm installs it as ../dist/hub-token-check.cjs; a clone of this repository, where nothing is
// built (the pre-commit framework's), has the committed copy ../hook/dist/hub-token-check.cjs.
//
// A check runs that bundle with a V8 code cache, the way Node >= 22's module.enableCompileCache would,
// which Node 20 lacks: a commit runs one small scan, so most of its own time was V8 compiling the
// bundle's functions as they were first called. Two caches, the first that is there is used:
// - one this command wrote itself, after a check that found no cache V8 would take (as Node 22's compile
//   cache does): in $XDG_CACHE_HOME/hub-token-check (~/.cache/hub-token-check; %LOCALAPPDATA% on
//   Windows), named for this Node, this bundle file and its size and time. It holds V8's compiled code
//   of our bundle and nothing of the files checked. HUB_TOKEN_CHECK_NO_CODE_CACHE=1 turns it off.
// - the one npm ships beside the bundle (dist/hub-token-check.cjs.v8-cache), made by `npm run build`
//   on a staged commit (build-code-cache.mjs): V8 takes it only on the Node that built the package.
// V8 takes a cache only from the same V8 version and flags, and checks it against the source's length;
// otherwise it says so (`cachedDataRejected`) and compiles as require() would. (The loader lives in this
// file rather than a module of its own: resolving and loading a second file costs a commit ~0.5 ms.)
//
// `--fix` loads its own bundle with import(), which only node's own loader gives a script (vm's way to
// reach it is experimental in Node 20, and V8 drops it when it takes a cache): that run, at a terminal
// and about to load 600 kB more, takes the bundle through require(), without a cache.
"use strict";
const fs = require("node:fs");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const WRAPPER = ["(function (exports, require, module, __filename, __dirname) {", "\n})"];
/** The start of a cache file this command wrote; the key line follows. */
const OWN_CACHE_MAGIC = "hub-token-check code cache 1\n";
/** Caches kept in the folder (one per Node version and bundle in use); older ones are removed. */
const OWN_CACHES_KEPT = 4;

function readOrUndefined(file, encoding) {
  try {
    return fs.readFileSync(file, encoding);
  } catch {
    return undefined;
  }
}

/** Compiles bundle `text` (from `file`) as CommonJS with `cachedData`, when there is some. */
function compileText(text, file, cachedData) {
  // The bundle's first line is a hashbang, which is only valid at the very start of a script: keep its
  // length (and so every column V8 reports) but make it a comment inside the wrapper.
  const source = text.startsWith("#!") ? `//${text.slice(2)}` : text;
  const script = new Script(WRAPPER[0] + source + WRAPPER[1], { filename: file, cachedData });
  return { script, rejected: cachedData === undefined ? undefined : script.cachedDataRejected };
}

/**
 * Compiles `file` as CommonJS, with `cacheFile`'s code cache when it is there. `rejected` says whether
 * V8 refused the cache (undefined: there was none).
 */
function compileBundle(file, cacheFile) {
  return compileText(fs.readFileSync(file, "utf8"), file, readOrUndefined(cacheFile));
}

/** Runs a compiled bundle as node runs a CommonJS file; `require` is only asked for node's built-ins. */
function runBundle(script, file) {
  const bundleModule = { exports: {} };
  script.runInThisContext()(bundleModule.exports, require, bundleModule, file, dirname(file));
}

/** What V8 compiled while `script` ran, to save as its cache (build-code-cache.mjs, ownCache). */
function codeCacheOf(script) {
  return Buffer.from(script.createCachedData());
}

/** FNV-1a, 32 bits, as 8 hex digits: a short file name for a cache key (the key itself is checked). */
function shortHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * Where this command keeps the code cache it writes for `file` under this Node, or undefined when it
 * is not to (turned off, or no cache folder is known). The key names the Node, its flags and the
 * bundle file by path, size and modification time: V8 itself checks only the source's length.
 */
function ownCache(file, env, platform) {
  if (env.HUB_TOKEN_CHECK_NO_CODE_CACHE === "1") return undefined;
  const base =
    platform === "win32"
      ? env.LOCALAPPDATA
      : env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, ".cache") : undefined);
  if (!base) return undefined;
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  // Node's flags too (V8 refuses a cache made under other flags): one cache per way the command is run.
  const flags = [...process.execArgv, env.NODE_OPTIONS ?? ""].join(" ");
  const key = [process.version, process.arch, file, stat.size, stat.mtimeMs, flags].join(" ");
  const dir = join(base, "hub-token-check");
  return { dir, file: join(dir, `${shortHash(key)}.v8-cache`), header: `${OWN_CACHE_MAGIC}${key}\n` };
}

/** The cached data in `cache`'s file, if it is there and was written for this very key. */
function readOwnCache(cache) {
  const bytes = readOrUndefined(cache.file);
  if (bytes === undefined) return undefined;
  const header = Buffer.from(cache.header);
  if (bytes.length <= header.length || !bytes.subarray(0, header.length).equals(header)) return undefined;
  return bytes.subarray(header.length);
}

/**
 * Writes what V8 compiled while `script` ran to `cache`, atomically (a temp file renamed over it), and
 * removes all but the newest few caches beside it. Anything that fails leaves the check as it was: the
 * cache only ever saves time.
 */
function writeOwnCache(cache, script) {
  const temp = `${cache.file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(cache.dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, Buffer.concat([Buffer.from(cache.header), codeCacheOf(script)]), {
      mode: 0o600,
      flag: "wx",
    });
    fs.renameSync(temp, cache.file);
    const others = fs
      .readdirSync(cache.dir)
      .filter((name) => name.endsWith(".v8-cache"))
      .map((name) => ({ path: join(cache.dir, name), mtime: fs.statSync(join(cache.dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of others.slice(OWN_CACHES_KEPT)) fs.rmSync(old.path, { force: true });
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing was written (the folder could not be made).
    }
  }
}

/** A run that checks files, worth caching for (not --version, --help, install: they compile little). */
function isCheck(args) {
  return !args.some((arg) => ["-h", "--help", "-V", "--version", "install", "--fix"].includes(arg));
}

/** The bundle to run: npm's build, or the committed copy in a clone of this repository. */
function findBundle() {
  for (const file of [
    join(__dirname, "..", "dist", "hub-token-check.cjs"),
    join(__dirname, "..", "hook", "dist", "hub-token-check.cjs"),
  ]) {
    const text = readOrUndefined(file, "utf8");
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

/** Runs the checker on this process's arguments. */
function runCommand() {
  const args = process.argv.slice(2);
  const bundle = findBundle();
  if (bundle === undefined) {
    console.error("hub-token-check is not built yet: run `npm run build` at the repository root.");
    process.exitCode = 70;
    return;
  }
  if (args.includes("--fix")) {
    require(bundle.file);
    return;
  }
  const own = isCheck(args) ? ownCache(bundle.file, process.env, process.platform) : undefined;
  const ownData = own === undefined ? undefined : readOwnCache(own);
  const { script, rejected } = compileText(
    bundle.text,
    bundle.file,
    ownData ?? readOrUndefined(`${bundle.file}.v8-cache`),
  );
  if (own !== undefined && (rejected === undefined || rejected)) {
    // Written once the check is done, so that the cache holds what the check compiled. Not after a
    // crash, an interrupt or a usage error (exit codes 0 and 1 are the two verdicts).
    process.on("exit", (code) => {
      if (code === 0 || code === 1) writeOwnCache(own, script);
    });
  }
  runBundle(script, bundle.file);
}

module.exports = { compileBundle, runBundle, codeCacheOf, runCommand, ownCache, readOwnCache };
// Run as a command (node, npm's bin link, a git hook); required (the build, tests), it only lends these.
if (require.main === module) runCommand();
