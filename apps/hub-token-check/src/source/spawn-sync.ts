import type { spawnSync } from "node:child_process";
import type { Spawn, SpawnSyncOptions, SpawnSyncResult } from "./run-git.js";

// A commit runs one `git diff`. node:child_process's spawnSync would run it, but loading that module
// costs the commit ~4 ms, a tenth of the checker's whole run: it loads node:net, node:dgram and all of
// node:stream for its asynchronous half, which a synchronous run never touches. Its spawnSync is a thin
// layer over Node's `spawn_sync` binding (lib/internal/child_process.js: `spawn_sync.spawn(options)`),
// which `process.binding("spawn_sync")` hands out in ~0.15 ms. This module is that layer, for the one
// way the checker runs git: its argv, its working folder, its whole environment, stdin from a string
// or none, stdout and stderr collected, no timeout.
//
// `process.binding` is deprecated in Node's documentation only (DEP0111; `spawn_sync` is on its allow
// list and not among the bindings that warn). It warns under --pending-deprecation (and, with
// --throw-deprecation, throws), and it may be gone or refuse (the permission model) on some Node: in
// each of those cases `spawnSyncOf` gives nothing, and the checker loads node:child_process as before.
// The same if the binding ever throws or answers in a shape this layer does not know: that run is done
// again through node:child_process.

/** The options Node's `spawn_sync` binding reads (src/spawn_sync.cc, SyncProcessRunner::ParseOptions). */
export type BindingOptions = {
  file: string;
  /** argv, the command's own name first. */
  args: string[];
  cwd: string;
  /** The environment as `NAME=value` strings. */
  envPairs: string[];
  stdio: BindingStdio[];
  maxBuffer: number;
  detached: false;
  windowsHide: false;
  windowsVerbatimArguments: false;
};

type BindingStdio =
  { type: "ignore" } | { type: "pipe"; readable: boolean; writable: boolean; input?: Uint8Array };

/** What it answers: `error` is a negative errno (the child could not be started, or maxBuffer was hit). */
export type BindingResult = {
  status: number | null;
  signal: string | null;
  output: (Buffer | null)[] | null;
  error?: number;
};

export type SpawnSyncBinding = { spawn: (options: BindingOptions) => BindingResult };

/** What `spawnSyncOf` asks of the process it runs in (bin.ts passes the real one). */
export type SpawnHost = {
  /** `process.binding` as it is (undefined, or anything else, where this Node has none). */
  binding: unknown;
  execArgv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** util.getSystemErrorName: `-2` → `ENOENT`. */
  errorName: (errno: number) => string;
};

/**
 * Whether Node would warn of process.binding's deprecation. Node says so itself: it wraps the function
 * (lib/internal/process/pre_execution.js, initializeDeprecations) in one named `deprecated` under
 * --pending-deprecation, however that is given (`--pending_deprecation`, `=true`, NODE_OPTIONS,
 * NODE_PENDING_DEPRECATION=1). The flags are read too, in case a Node names its wrapper otherwise.
 */
function wouldWarn(binding: (name: string) => unknown, host: SpawnHost): boolean {
  if (binding.name !== "binding") return true;
  const flags = [...host.execArgv, ...(host.env.NODE_OPTIONS ?? "").split(/\s+/)];
  return (
    flags.some((flag) => /^--pending[-_]deprecation(?:=(?!false$|0$).*)?$/.test(flag)) ||
    host.env.NODE_PENDING_DEPRECATION === "1"
  );
}

function isBinding(value: unknown): value is SpawnSyncBinding {
  return typeof value === "object" && value != null && typeof Reflect.get(value, "spawn") === "function";
}

function isResult(value: unknown): value is BindingResult {
  if (typeof value !== "object" || value == null) return false;
  const { status, output, error } = value as Record<string, unknown>;
  if (typeof error === "number") return true;
  return (
    (typeof status === "number" || status == null) &&
    Array.isArray(output) &&
    Buffer.isBuffer(output[1]) &&
    Buffer.isBuffer(output[2])
  );
}

/** The Spawn port over node:child_process's own spawnSync. */
export function childProcessSpawn(spawn: typeof spawnSync): Spawn {
  return (file, args, { input, ...options }) =>
    spawn(file, args, {
      ...options,
      input,
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
}

/**
 * spawnSync over `process.binding("spawn_sync")`, or undefined where that binding is not to be used
 * (see above). `fallback` is node:child_process's spawnSync, loaded only if a run ever needs it.
 */
export function spawnSyncOf(host: SpawnHost, fallback: () => Spawn): Spawn | undefined {
  const processBinding = host.binding;
  if (typeof processBinding !== "function") return undefined;
  if (wouldWarn(processBinding as (name: string) => unknown, host)) return undefined;
  let binding: unknown;
  try {
    // The permission model (--experimental-permission) makes it throw ERR_ACCESS_DENIED.
    binding = Reflect.apply(processBinding, undefined, ["spawn_sync"]) as unknown;
  } catch {
    return undefined;
  }
  if (!isBinding(binding)) return undefined;
  const run = (file: string, args: string[], options: SpawnSyncOptions): unknown => {
    // A NUL byte, which child_process refuses with a clear error, is left to it.
    if ([file, ...args].some((arg) => arg.includes("\0"))) return undefined;
    try {
      return binding.spawn(bindingOptions(file, args, options));
    } catch {
      // It throws only on options it cannot read (src/spawn_sync.cc): child_process says what is wrong.
      return undefined;
    }
  };
  return (file, args, options) => {
    const result = run(file, args, options);
    return isResult(result) ? resultOf(result, file, args, host.errorName) : fallback()(file, args, options);
  };
}

function bindingOptions(file: string, args: string[], options: SpawnSyncOptions): BindingOptions {
  const envPairs: string[] = [];
  for (const [name, value] of Object.entries(options.env)) {
    if (value !== undefined) envPairs.push(`${name}=${value}`);
  }
  // As child_process's getValidStdio writes "pipe": the child reads fd 0 and writes fds 1 and 2.
  const stdin: BindingStdio =
    options.input === undefined
      ? { type: "ignore" }
      : { type: "pipe", readable: true, writable: false, input: Buffer.from(options.input, "utf8") };
  return {
    file,
    args: [file, ...args],
    cwd: options.cwd,
    envPairs,
    stdio: [
      stdin,
      { type: "pipe", readable: false, writable: true },
      { type: "pipe", readable: false, writable: true },
    ],
    maxBuffer: options.maxBuffer,
    detached: false,
    windowsHide: false,
    windowsVerbatimArguments: false,
  };
}

/** The binding's answer as child_process's spawnSync gives it, its error included (`spawnSync git ENOENT`). */
function resultOf(
  result: BindingResult,
  file: string,
  args: string[],
  errorName: (errno: number) => string,
): SpawnSyncResult {
  const empty = Buffer.alloc(0);
  const out = {
    status: result.status ?? null,
    signal: result.signal ?? null,
    stdout: result.output?.[1] ?? empty,
    stderr: result.output?.[2] ?? empty,
  };
  if (typeof result.error !== "number") return out;
  const code = errorName(result.error);
  const syscall = `spawnSync ${file}`;
  const error = Object.assign(new Error(`${syscall} ${code}`), {
    errno: result.error,
    code,
    syscall,
    path: file,
    spawnargs: args,
  });
  return { ...out, error };
}
