import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { onTestFinished, describe, expect, it } from "vitest";
import { BIN, requireBuiltBin, startBin } from "./support/built-bin.js";
import { world } from "./support/temp-world.js";

/** Resolves once `read()` contains `text`, checked on each chunk of output; fails after `ms`. */
function outputContains(child: ChildProcess, read: () => string, text: string, ms = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`never printed ${JSON.stringify(text)}:\n${read()}`)),
      ms,
    );
    const check = () => {
      if (!read().includes(text)) return;
      clearTimeout(timer);
      child.stdout?.off("data", check);
      resolve();
    };
    child.stdout?.on("data", check);
    check();
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("signals reaching the built hub-setup", () => {
  it("ends with 130 on a second SIGINT when the command ignores the first (stuck reading stdin)", async () => {
    requireBuiltBin();
    const w = world();
    // --token-stdin with a stdin that never closes: reading it does not listen to the abort.
    const child = spawn(
      process.execPath,
      [BIN, "--no-interactive", "--hub", "private", "--url", "https://127.0.0.1:9/", "--token-stdin"],
      { cwd: w.project, env: w.env, stdio: ["pipe", "pipe", "pipe"] },
    );
    onTestFinished(() => void child.kill("SIGKILL"));
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
    await outputContains(child, () => stdout, "Load token replaces");

    child.kill("SIGINT");
    // Two signals sent at once may reach the process as one: send again, spaced, until it ends (at
    // most 20 times). Before the fix every later signal was absorbed and this never ended.
    let sent = 1;
    const ended = await Promise.race([
      closed,
      (async () => {
        for (; sent < 20; sent++) {
          await pause(250);
          if (child.exitCode != null) return "ended";
          child.kill("SIGINT");
        }
        return "still running";
      })(),
    ]);
    expect(ended === "still running" ? ended : await closed, stderr).toBe(130);
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(stderr).toContain("SIGINT again: stopped at once");
  });

  it("still ends on a second SIGINT while a file-system call never returns (a FIFO, a hung mount)", async () => {
    requireBuiltBin();
    const w = world();
    // A preload starts an open() of a FIFO nobody writes to: one of libuv's file-system threads is
    // blocked for ever, and process.exit() waits for those threads, so exiting with 130 would hang.
    const fifo = join(w.root, "never-written");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const preload = `data:text/javascript,import("node:fs").then((fs) => fs.open(${JSON.stringify(fifo)}, () => {}))`;
    const child = spawn(
      process.execPath,
      [
        `--import=${preload}`,
        BIN,
        "--no-interactive",
        "--hub",
        "private",
        "--url",
        "https://127.0.0.1:9/",
        "--token-stdin",
      ],
      { cwd: w.project, env: w.env, stdio: ["pipe", "pipe", "pipe"] },
    );
    onTestFinished(() => void child.kill("SIGKILL"));
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("close", (code, signal) => resolve({ code, signal })),
    );
    await outputContains(child, () => stdout, "Load token replaces");

    child.kill("SIGINT");
    let sent = 1;
    const ended = await Promise.race([
      closed,
      (async () => {
        for (; sent < 20; sent++) {
          await pause(250);
          if (child.exitCode != null || child.signalCode != null) return "ended";
          child.kill("SIGINT");
        }
        return "still running";
      })(),
    ]);
    expect(ended, stderr).not.toBe("still running");
    expect(stderr).toContain("SIGINT again: stopped at once");
    // Ended by SIGINT itself (its default action), which a shell reports as 130.
    expect(await closed).toEqual({ code: null, signal: "SIGINT" });
  });

  it("keeps waiting for exec's child after a second SIGINT, and exits with the child's status", async () => {
    requireBuiltBin();
    const w = world();
    const script =
      "trap 'echo got-int' INT; : > started; while [ ! -e release ]; do sleep 0.05; done; exit 7";
    const { child, done } = startBin(["exec", "--", "sh", "-c", script], { env: w.env, cwd: w.project });
    onTestFinished(() => void child.kill("SIGKILL"));
    let stdout = "";
    child.stdout?.on("data", (d: Buffer | string) => (stdout += String(d)));
    for (let i = 0; i < 400 && !existsSync(join(w.project, "started")); i++) await pause(25);

    child.kill("SIGINT");
    await outputContains(child, () => stdout, "got-int");
    child.kill("SIGINT");
    await pause(300);
    expect(child.exitCode, "hub-setup must not exit while its child runs").toBeNull();
    writeFileSync(join(w.project, "release"), "");
    const result = await done;
    expect(result.code).toBe(7);
    expect(result.stdout).toBe("got-int\n");
    expect(result.stderr).not.toContain("stopped at once");
  });
});
