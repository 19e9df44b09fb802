#!/usr/bin/env node
// The installed command, and the pre-commit framework's entry (/.pre-commit-hooks.yaml). The checker is
// one bundled CommonJS file (see build.mjs): CommonJS because Node starts it ~4 ms sooner than an ES
// module. npm installs it as ../dist/hub-token-check.cjs; a clone of this repository, where nothing is
// built (the pre-commit framework's), has the committed copy ../hook/dist/hub-token-check.cjs.
//
// A check runs that bundle with a V8 code cache, as Node >= 22's module.enableCompileCache would, which
// Node 20 lacks: a commit runs one small scan, so most of its own time was V8 compiling the bundle's
// functions as they were first called. Two caches; the first one there is used:
// - one this command wrote itself, after a check that found no cache V8 would take: in
//   $XDG_CACHE_HOME/hub-token-check (~/.cache/hub-token-check; %LOCALAPPDATA% on Windows). Each file
//   holds the exact bytes of the bundle it was made from, and is used only for those very bytes, under
//   the same Node, flags and bundle path; and only from a folder and file of this user's that no one
//   else can write (V8 runs what is in it). It holds V8's compiled code of our bundle, nothing of the
//   files checked. HUB_TOKEN_CHECK_NO_CODE_CACHE=1 turns it off.
// - the one npm ships beside the bundle (dist/hub-token-check.cjs.v8-cache), made by `npm run build`
//   on a staged commit (build-code-cache.mjs), which V8 takes only on the Node that built the package.
// V8 itself checks a cache only against its own version, its flags and the source's length; on a
// mismatch it says so (`cachedDataRejected`) and compiles as require() would. (The loader lives in this
// file rather than a module of its own: resolving and loading a second file costs a commit ~0.5 ms.)
//
// `--fix` loads its own bundle with import(), which only node's own loader gives a script (vm's way to
// reach it is experimental in Node 20, and V8 drops it when it takes a cache): that run, at a terminal
// and about to load 600 kB more, takes the bundle through require(), without a cache.
"use strict";
const fs = require("node:fs");
const { dirname, isAbsolute, join } = require("node:path");
const { Script } = require("node:vm");

const WRAPPER = ["(function (exports, require, module, __filename, __dirname) {", "\n})"];
/** The start of a cache file this command wrote; its key, the bundle's length and bytes follow. */
const OWN_CACHE_MAGIC = "hub-token-check code cache 2\n";
/** Caches kept in the folder (one per Node, flags and bundle in use); older ones are removed. */
const OWN_CACHES_KEPT = 8;
/** A temp file older than this was left by a run that was killed while writing. */
const STALE_TEMP_MS = 60 * 60 * 1000;

function readOrUndefined(file) {
  try {
    return fs.readFileSync(file);
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

/** Whether a folder or file is this user's (POSIX; always on Windows). */
function ownedByMe(stat) {
  return stat !== undefined && (typeof process.geteuid !== "function" || stat.uid === process.geteuid());
}

/** A folder or file only this user can write (POSIX; Windows has no such mode bits). */
function ownedAndPrivate(stat) {
  return ownedByMe(stat) && (typeof process.geteuid !== "function" || (stat.mode & 0o022) === 0);
}

/** The stat of `path`, or of its nearest folder above that exists. */
function nearestExisting(path) {
  for (let at = path; ; at = dirname(at)) {
    const stat = fs.lstatSync(at, { throwIfNoEntry: false });
    if (stat !== undefined || dirname(at) === at) return stat;
  }
}

/**
 * Where this command keeps the code cache it writes for `file` under this Node, or undefined when it
 * is not to (turned off, or no absolute cache folder is known: XDG says a relative one is ignored).
 */
function ownCache(file, env, platform) {
  if (env.HUB_TOKEN_CHECK_NO_CODE_CACHE === "1") return undefined;
  const absolute = (path) => (path && isAbsolute(path) ? path : undefined);
  const base =
    platform === "win32"
      ? absolute(env.LOCALAPPDATA)
      : (absolute(env.XDG_CACHE_HOME) ??
        (absolute(env.HOME) === undefined ? undefined : join(env.HOME, ".cache")));
  if (base === undefined) return undefined;
  // Node's flags too (V8 refuses a cache made under other flags): one cache per way the command is run.
  // And the node binary itself, in case another build of the same version replaces it in place.
  const flags = [...process.execArgv, env.NODE_OPTIONS ?? ""].join(" ");
  const node = fs.statSync(process.execPath, { throwIfNoEntry: false });
  const binary = node === undefined ? "" : `${node.size}:${node.mtimeMs}:${node.ino}`;
  const key = [process.version, process.arch, process.execPath, binary, file, flags].join(" ");
  const dir = join(base, "hub-token-check");
  return { base, dir, file: join(dir, `${shortHash(key)}.v8-cache`), key };
}

/** The header of a cache file for `bundleBytes` under `cache`'s key; the bundle's bytes follow it. */
function ownCacheHeader(cache, bundleBytes) {
  return Buffer.from(`${OWN_CACHE_MAGIC}${cache.key}\n${bundleBytes.length}\n`);
}

/**
 * The cached data in `cache`'s file, if it is there, this user's alone, in a folder that is too, and
 * was written for this key and these very bundle bytes.
 */
function readOwnCache(cache, bundleBytes) {
  let fd;
  try {
    // Missing on a first run, and wherever the shipped cache is taken: no exception for that.
    const dir = fs.lstatSync(cache.dir, { throwIfNoEntry: false });
    if (dir === undefined || !dir.isDirectory() || !ownedAndPrivate(dir)) return undefined;
    fd = fs.openSync(cache.file, "r");
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || !ownedAndPrivate(stat)) return undefined;
    const bytes = fs.readFileSync(fd);
    const header = ownCacheHeader(cache, bundleBytes);
    const start = header.length + bundleBytes.length;
    if (bytes.length <= start) return undefined;
    if (!bytes.subarray(0, header.length).equals(header)) return undefined;
    if (!bytes.subarray(header.length, start).equals(bundleBytes)) return undefined;
    return bytes.subarray(start);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes what V8 compiled while `script` ran to `cache`: to a temp file of its own, flushed to disk,
 * then renamed over the old one, so that no reader ever sees a torn file; then removes all but the
 * newest caches beside it, and temp files a killed run left. Anything that fails leaves the check as
 * it was: the cache only ever saves time.
 */
function writeOwnCache(cache, bundleBytes, script) {
  const temp = `${cache.file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  let written = false;
  try {
    // Only in a folder of this user's: not in another's tree (root run with a user's HOME kept, or
    // HOME=/tmp), where we would make folders they cannot use, or prune what is not ours.
    if (!ownedByMe(nearestExisting(cache.dir))) return;
    fs.mkdirSync(cache.dir, { recursive: true, mode: 0o700 });
    if (!ownedByMe(fs.lstatSync(cache.base))) return;
    const dir = fs.lstatSync(cache.dir);
    if (!dir.isDirectory() || !ownedAndPrivate(dir)) return;
    const fd = fs.openSync(temp, "wx", 0o600);
    written = true;
    try {
      fs.writeFileSync(
        fd,
        Buffer.concat([ownCacheHeader(cache, bundleBytes), bundleBytes, codeCacheOf(script)]),
      );
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, cache.file);
    written = false;
    prune(cache.dir);
  } catch {
    if (written) fs.rmSync(temp, { force: true });
  }
}

/** Keeps the newest caches in `dir` and removes stale temp files (a file gone meanwhile is fine). */
function prune(dir) {
  const now = Date.now();
  const caches = [];
  for (const name of fs.readdirSync(dir)) {
    const path = join(dir, name);
    const stat = fs.statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) continue;
    if (name.endsWith(".v8-cache")) caches.push({ path, mtime: stat.mtimeMs });
    else if (name.endsWith(".tmp") && now - stat.mtimeMs > STALE_TEMP_MS) fs.rmSync(path, { force: true });
  }
  caches.sort((a, b) => b.mtime - a.mtime);
  for (const old of caches.slice(OWN_CACHES_KEPT)) fs.rmSync(old.path, { force: true });
}

/**
 * Whether the words before `--` (after it, every word is a path) ask for a check, worth caching for:
 * not --version, --help or install, which compile little (and a cache, once V8 takes it, is kept).
 */
function isCheck(options) {
  return !options.some(
    (arg) => arg === "install" || /^--(?:help|version|fix)$/.test(arg) || /^-[^-]*[hV]/.test(arg),
  );
}

/** The bundle to run: npm's build, or the committed copy in a clone of this repository. */
function findBundle() {
  for (const file of [
    join(__dirname, "..", "dist", "hub-token-check.cjs"),
    join(__dirname, "..", "hook", "dist", "hub-token-check.cjs"),
  ]) {
    const bytes = readOrUndefined(file);
    if (bytes !== undefined) return { file, bytes };
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
  const end = args.indexOf("--");
  const options = end === -1 ? args : args.slice(0, end);
  if (options.includes("--fix")) {
    require(bundle.file);
    return;
  }
  const own = isCheck(options) ? ownCache(bundle.file, process.env, process.platform) : undefined;
  const ownData = own === undefined ? undefined : readOwnCache(own, bundle.bytes);
  const { script, rejected } = compileText(
    bundle.bytes.toString("utf8"),
    bundle.file,
    ownData ?? readOrUndefined(`${bundle.file}.v8-cache`),
  );
  if (own !== undefined && rejected !== false) {
    // Written once the check is done, so that the cache holds what the check compiled: only after a
    // verdict (exit 0 or 1), never after a crash (whose exit code is 1 too), an interrupt or an error.
    let crashed = false;
    process.on("uncaughtExceptionMonitor", () => {
      crashed = true;
    });
    process.on("exit", (code) => {
      if (!crashed && (code === 0 || code === 1)) writeOwnCache(own, bundle.bytes, script);
    });
  }
  runBundle(script, bundle.file);
}

module.exports = { compileBundle, runBundle, codeCacheOf, runCommand, ownCache, readOwnCache };
// Run as a command (node, npm's bin link, a git hook); required (the build, tests), it only lends these.
if (require.main === module) runCommand();
