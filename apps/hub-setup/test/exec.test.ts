import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { spawnChild } from "../src/adapters/child.js";
import { exitStatusOf, runExec, type ExecDeps } from "../src/commands/exec/run.js";
import type { ChildExit, SpawnPort, TokenReader } from "../src/ports.js";
import { envVar, hubToken, loadedConfig, memoryStore, output, server } from "./support/fake-ports.js";

const URL_A = "https://hub-a.example.test/api/galaxy/content/published/";
const URL_B = "https://hub-b.example.test/api/galaxy/content/published/";
const TA = hubToken(0xa);
const TB = hubToken(0xb);

type Spawned = { command: string; args: readonly string[]; env: Record<string, string>; killed: string[] };

/** A spawn port that records each call; `started` resolves at the first spawn (no waiting on a timer). */
function fakeSpawn(exit: ChildExit | (() => Promise<ChildExit>)) {
  const spawned: Spawned[] = [];
  let markStarted: (record: Spawned) => void = () => undefined;
  const started = new Promise<Spawned>((resolve) => (markStarted = resolve));
  const spawn: SpawnPort = (command, args, options) => {
    const record: Spawned = { command, args, env: options.env, killed: [] };
    spawned.push(record);
    markStarted(record);
    return {
      exited: typeof exit === "function" ? exit() : Promise.resolve(exit),
      kill: (signal) => void record.killed.push(signal),
    };
  };
  return { spawn, spawned, started };
}

function harness(
  spawn: SpawnPort,
  opts: { env?: Record<string, string>; store?: TokenReader; signal?: AbortSignal } = {},
) {
  const io = output();
  const deps: ExecDeps = {
    loadConfig: async () => loadedConfig([server("a", { url: URL_A }), server("b", { url: URL_B })]),
    openStore: async () => opts.store ?? memoryStore({ a: TA, b: TB }),
    env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", ...opts.env },
    cwd: "/tmp",
    spawn,
    signal: opts.signal ?? new AbortController().signal,
    stdout: io.stdout,
    stderr: io.stderr,
  };
  return { deps, io };
}

describe("exec with a fake child", () => {
  it("adds each configured server's stored token to the child's environment, and nothing else", async () => {
    const { spawn, spawned } = fakeSpawn({ kind: "exit", code: 0, signal: null });
    const h = harness(spawn, { store: memoryStore({ a: TA, b: TB, unused: hubToken(3) }) });
    expect(await runExec(["--", "ansible-galaxy", "collection", "list"], h.deps)).toBe(EXIT.OK);
    expect(spawned).toHaveLength(1);
    expect(spawned[0]?.command).toBe("ansible-galaxy");
    expect(spawned[0]?.args).toEqual(["collection", "list"]);
    expect(spawned[0]?.env[envVar("a")]).toBe(TA);
    expect(spawned[0]?.env[envVar("b")]).toBe(TB);
    expect(spawned[0]?.env[envVar("unused")]).toBeUndefined();
    expect(spawned[0]?.env["PATH"]).toBe(h.deps.env["PATH"]);
    expect(h.io.err()).toBe(
      "hub-setup exec: the store also holds tokens for unused, which the ansible.cfg read here does not list\n",
    );
  });

  it("leaves a variable the user already set alone, and says so", async () => {
    const { spawn, spawned } = fakeSpawn({ kind: "exit", code: 0, signal: null });
    const mine = hubToken(0xc);
    const h = harness(spawn, { env: { [envVar("a")]: mine } });
    await runExec(["true"], h.deps);
    expect(spawned[0]?.env[envVar("a")]).toBe(mine);
    expect(spawned[0]?.env[envVar("b")]).toBe(TB);
    expect(h.io.err()).toContain(
      `${envVar("a")} is already set in your environment: it wins over the stored token`,
    );
    expect(h.io.err()).not.toContain(mine);
  });

  it("passes the child's exit code through, and 128 + n for a signal", async () => {
    expect(
      await runExec(["x"], harness(fakeSpawn({ kind: "exit", code: 42, signal: null }).spawn).deps),
    ).toBe(42);
    expect(exitStatusOf({ code: null, signal: "SIGTERM" })).toBe(143);
    expect(exitStatusOf({ code: null, signal: "SIGINT" })).toBe(130);
    expect(exitStatusOf({ code: null, signal: "SIGKILL" })).toBe(137);
  });

  it("forwards the abort reason to the child as that signal", async () => {
    const controller = new AbortController();
    let finish: (e: ChildExit) => void = () => undefined;
    const { spawn, spawned, started } = fakeSpawn(() => new Promise<ChildExit>((r) => (finish = r)));
    const h = harness(spawn, { signal: controller.signal });
    const running = runExec(["sleep", "10"], h.deps);
    const child = await started;
    expect(child.killed, "nothing is sent before the abort").toEqual([]);
    controller.abort("SIGINT");
    expect(spawned).toHaveLength(1);
    expect(child.killed).toEqual(["SIGINT"]);
    finish({ kind: "exit", code: null, signal: "SIGINT" });
    expect(await running).toBe(130);
  });

  it("answers 127 for a command that does not exist, like a shell", async () => {
    const h = harness(fakeSpawn({ kind: "error", errno: "ENOENT", message: "spawn nope ENOENT" }).spawn);
    expect(await runExec(["nope"], h.deps)).toBe(127);
    expect(h.io.err()).toContain("hub-setup exec: command not found: nope");
  });

  it("names a command that looks like a token only redacted", async () => {
    const token = hubToken(0xcd);
    const h = harness(fakeSpawn({ kind: "error", errno: "ENOENT", message: `spawn ${token} ENOENT` }).spawn);
    expect(await runExec([token], h.deps)).toBe(127);
    expect(h.io.err()).toMatch(/command not found: <hub API token [0-9a-f]{4}…[0-9a-f]{4} \(40 chars\)>/);
    expect(h.io.err()).not.toContain(token);
    const { spawn } = fakeSpawn({ kind: "exit", code: 0, signal: null });
    const refused = runExec([`--foo=${token}`, "ls"], harness(spawn).deps);
    await expect(refused).rejects.toMatchObject({ code: "USAGE" });
    await expect(refused).rejects.not.toThrow(token);
  });

  it("needs a command, and flags go after --", async () => {
    const { spawn } = fakeSpawn({ kind: "exit", code: 0, signal: null });
    await expect(runExec([], harness(spawn).deps)).rejects.toMatchObject({ code: "USAGE" });
    await expect(runExec(["--"], harness(spawn).deps)).rejects.toMatchObject({ code: "USAGE" });
    await expect(runExec(["--verbose", "ls"], harness(spawn).deps)).rejects.toMatchObject({ code: "USAGE" });
  });
});

describe("exec with a real child process", () => {
  it("gives the child the token, and passes its exit code back", async () => {
    const dir = tempDir();
    const out = join(dir, "seen");
    const h = harness(spawnChild);
    const code = await runExec(["--", "sh", "-c", `printf %s "$${envVar("a")}" > '${out}'; exit 7`], {
      ...h.deps,
      cwd: dir,
    });
    expect(code).toBe(7);
    expect(readFileSync(out, "utf8")).toBe(TA);
  });

  it("forwards SIGTERM: a child that traps it exits its own way; one that does not dies with 143", async () => {
    const dir = tempDir();
    for (const [ready, script, expected] of [
      ["trapped", `trap 'exit 42' TERM; : > trapped; while :; do sleep 0.05; done`, 42],
      ["plain", `: > plain; exec sleep 30`, 143],
    ] as const) {
      const controller = new AbortController();
      const h = harness(spawnChild, { signal: controller.signal });
      const running = runExec(["sh", "-c", script], { ...h.deps, cwd: dir });
      await waitForFile(join(dir, ready));
      controller.abort("SIGTERM");
      expect(await running).toBe(expected);
    }
  });

  it("answers 127 when the command is not on PATH", async () => {
    const h = harness(spawnChild);
    expect(await runExec(["hub-setup-no-such-command-xyz"], h.deps)).toBe(127);
  });
});

async function waitForFile(path: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      readFileSync(path);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw new Error(`${path} never appeared`);
}
