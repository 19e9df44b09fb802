import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { getSystemErrorName } from "node:util";
import { tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import type { Spawn, SpawnSyncOptions, SpawnSyncResult } from "../src/source/run-git.js";
import { childProcessSpawn, spawnSyncOf, type SpawnHost } from "../src/source/spawn-sync.js";

// spawn-sync.ts runs a command through Node's own spawn_sync binding, as node:child_process's spawnSync
// does underneath. These tests run the real binding of this Node beside the real spawnSync and ask
// for the same answer: output, exit status, signal, the error when the command cannot be started.

const realHost: SpawnHost = {
  binding: Reflect.get(process, "binding"),
  execArgv: [],
  env: {},
  errorName: getSystemErrorName,
};
const ours = spawnSyncOf(realHost, () => {
  throw new Error("the binding was not used");
});
const theirs = childProcessSpawn(spawnSync);
const env = { PATH: process.env["PATH"] ?? "/usr/bin:/bin", LC_ALL: "C" };

function both(file: string, args: string[], options: Partial<SpawnSyncOptions> = {}) {
  const full: SpawnSyncOptions = { cwd: tempDir(), env, maxBuffer: Infinity, ...options };
  if (ours === undefined) throw new Error("this Node gives no spawn_sync binding");
  return [ours(file, args, full), theirs(file, args, full)] as const;
}

/** What the Spawn port promises of a result (child_process gives more: pid, output); the error by its fields. */
function seen({ status, signal, stdout, stderr, error }: SpawnSyncResult) {
  if (error === undefined) return { status, signal, stdout, stderr };
  // With an error the output is not to be read (child_process gives null for it when nothing started).
  const { code, syscall, path, spawnargs } = error as Error & Record<string, unknown>;
  return { status, signal, error: { message: error.message, code, syscall, path, spawnargs } };
}

describe("spawnSync over Node's spawn_sync binding", () => {
  it("is used on this Node (Node 20 and later hand the binding out)", () => {
    expect(ours).toBeTypeOf("function");
  });

  it("gives what child_process gives for output on both streams and the exit status", () => {
    const [a, b] = both("sh", ["-c", "printf 'out\\n'; printf 'err\\n' >&2; exit 3"]);
    expect(seen(a)).toEqual(seen(b));
    expect(a.status).toBe(3);
    expect(a.stdout.toString()).toBe("out\n");
    expect(a.stderr.toString()).toBe("err\n");
    expect(a.signal).toBeNull();
  });

  it("writes the input to stdin, and gives no stdin at all without one", () => {
    const [a, b] = both("sh", ["-c", "wc -c"], { input: "héllo\n" });
    expect(seen(a)).toEqual(seen(b));
    expect(a.stdout.toString().trim()).toBe("7");
    // Without input, stdin is /dev/null (not an empty pipe, not the terminal): nothing to wait for.
    // (/proc is Linux's; elsewhere `test -c` tells a character device from a pipe.)
    const probe =
      process.platform === "linux" ? "readlink /proc/self/fd/0" : "test -c /dev/stdin && echo /dev/null";
    const [c, d] = both("sh", ["-c", probe]);
    expect(seen(c)).toEqual(seen(d));
    expect(c.stdout.toString()).toBe("/dev/null\n");
  });

  it("runs in the given folder with exactly the given environment", () => {
    const cwd = tempDir();
    const [a, b] = both("sh", ["-c", 'pwd -P; printf "%s|%s|%s\\n" "$ONE" "$TWO" "${HOME-unset}"'], {
      cwd,
      env: { ...env, ONE: "1", TWO: "a b=c", SKIPPED: undefined },
    });
    expect(seen(a)).toEqual(seen(b));
    expect(a.stdout.toString()).toBe(`${realpathSync(cwd)}\n1|a b=c|unset\n`);
  });

  it("says a command cannot be started as child_process does (`spawnSync <file> ENOENT`)", () => {
    const [a, b] = both("hub-token-check-no-such-command", ["x"], { env: { PATH: tempDir() } });
    expect(seen(a)).toEqual(seen(b));
    expect(a.error?.message).toBe("spawnSync hub-token-check-no-such-command ENOENT");
    expect((a.error as NodeJS.ErrnoException).code).toBe("ENOENT");
    expect(a.status).toBeNull();
  });

  it("reports a command killed by a signal", () => {
    const [a, b] = both("sh", ["-c", "kill -TERM $$"]);
    expect(seen(a)).toEqual(seen(b));
    expect(a.signal).toBe("SIGTERM");
    expect(a.status).toBeNull();
  });

  it("collects output of any size with no maxBuffer, and stops at one that is set", () => {
    const script = "head -c 3000000 /dev/zero | tr '\\0' x";
    const [a, b] = both("sh", ["-c", script]);
    // Buffer.equals: toEqual walks 3 MB element by element (seconds).
    expect([a.status, a.signal, a.error, a.stderr.length]).toEqual([
      b.status,
      b.signal,
      b.error,
      b.stderr.length,
    ]);
    expect(a.stdout.equals(b.stdout)).toBe(true);
    expect(a.stdout.length).toBe(3_000_000);
    const [c, d] = both("sh", ["-c", script], { maxBuffer: 1000 });
    expect((c.error as NodeJS.ErrnoException).code).toBe("ENOBUFS");
    expect(c.error?.message).toBe(d.error?.message);
    expect(c.error?.message).toBe("spawnSync sh ENOBUFS");
  });
});

describe("where the binding is not to be used, spawnSyncOf gives nothing (the checker loads child_process)", () => {
  const fallback = (): Spawn => theirs;
  const withHost = (host: Partial<SpawnHost>) => spawnSyncOf({ ...realHost, ...host }, fallback);

  it("when this Node has no process.binding, or it refuses spawn_sync or gives no spawn", () => {
    expect(withHost({ binding: undefined })).toBeUndefined();
    expect(
      withHost({
        binding: () => {
          throw new Error("Access to this API has been restricted");
        },
      }),
    ).toBeUndefined();
    expect(withHost({ binding: () => ({}) })).toBeUndefined();
    expect(withHost({ binding: () => undefined })).toBeUndefined();
  });

  it("when Node would warn of process.binding's deprecation (--pending-deprecation, however it is set)", () => {
    // Node's own sign: under --pending-deprecation it wraps process.binding in a function named `deprecated`.
    const real = Reflect.get(process, "binding") as (name: string) => unknown;
    const deprecated = (name: string) => real(name);
    expect(withHost({ binding: deprecated })).toBeUndefined();
    expect(withHost({ execArgv: ["--pending-deprecation"] })).toBeUndefined();
    expect(withHost({ execArgv: ["--pending_deprecation=true"] })).toBeUndefined();
    expect(withHost({ execArgv: ["--pending-deprecation=false"] })).toBeTypeOf("function");
    expect(
      withHost({ env: { NODE_OPTIONS: "--max-old-space-size=100 --pending-deprecation" } }),
    ).toBeUndefined();
    expect(withHost({ env: { NODE_PENDING_DEPRECATION: "1" } })).toBeUndefined();
    expect(withHost({ env: { NODE_OPTIONS: "--no-deprecation" } })).toBeTypeOf("function");
  });

  it("runs through child_process when the binding throws", () => {
    const spawn = spawnSyncOf(
      {
        ...realHost,
        binding: () => ({
          spawn: () => {
            throw new TypeError("options.stdio is not an array");
          },
        }),
      },
      () => theirs,
    );
    const run = spawn?.("sh", ["-c", "echo via-fallback"], { cwd: tempDir(), env, maxBuffer: Infinity });
    expect(run?.stdout.toString()).toBe("via-fallback\n");
  });

  it("runs through child_process when the binding answers in a shape it does not know", () => {
    const calls: string[] = [];
    const spawn = spawnSyncOf({ ...realHost, binding: () => ({ spawn: () => ({ pid: 1 }) }) }, () => {
      calls.push("fallback");
      return theirs;
    });
    const run = spawn?.("sh", ["-c", "echo via-fallback"], { cwd: tempDir(), env, maxBuffer: Infinity });
    expect(calls).toEqual(["fallback"]);
    expect(run?.stdout.toString()).toBe("via-fallback\n");
  });

  it("runs through child_process an argument holding a NUL byte, which child_process refuses", () => {
    const spawn = spawnSyncOf(realHost, () => theirs);
    expect(() => spawn?.("sh", ["-c", "echo a\0b"], { cwd: tempDir(), env, maxBuffer: Infinity })).toThrow(
      /must be a string without null bytes/,
    );
  });
});
