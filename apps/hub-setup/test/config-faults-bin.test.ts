/**
 * ansible.cfg and its folder in bad shape, with the built hub-setup against the sandbox (issue #16, low):
 * a read-only file, a write that fails (EFBIG under `ulimit -f`, as a full disk fails), a FIFO.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { BIN, requireBuiltBin, runBin, startBin, type Finished } from "./support/built-bin.js";
import { throwAwayWorld, type Sandboxed } from "./support/temp-world.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

function wizardArgs(config: string): string[] {
  return [
    "--no-interactive",
    "--hub",
    "private",
    "--url",
    sandbox.urls.private.published,
    "--repository",
    "published",
    "--token-stdin",
    "--store",
    "file",
    "--config",
    config,
    "--yes",
  ];
}

/** A project whose ansible.cfg has a [defaults] section longer than 1 KiB. */
function worldWithConfig(): { world: Sandboxed; cfg: string; text: string } {
  const world = throwAwayWorld();
  chmodSync(world.project, 0o755);
  const cfg = join(world.project, "ansible.cfg");
  const text = `[defaults]\n${Array.from({ length: 60 }, (_, i) => `# comment line ${i} of the project's own config\n`).join("")}`;
  writeFileSync(cfg, text, { mode: 0o644 });
  return { world, cfg, text };
}

/** The built bin started by sh, after `prelude` (e.g. `ulimit -f 1`). */
function runUnderShell(prelude: string, args: string[], world: Sandboxed, input: string): Promise<Finished> {
  const child = spawn("sh", ["-c", `${prelude}; exec "$0" "$@"`, process.execPath, BIN, ...args], {
    env: world.env,
    cwd: world.project,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe("the wizard and a read-only or unwritable ansible.cfg", () => {
  it("refuses to replace a read-only (0444) ansible.cfg, says why, exits 5, and writes nothing", async () => {
    requireBuiltBin();
    const { world, cfg, text } = worldWithConfig();
    chmodSync(cfg, 0o444);
    const run = await runBin(wizardArgs(cfg), world, `${sandbox.tokens.hub}\n`);
    expect(run.status, run.stderr).toBe(5);
    expect(run.stderr).toContain("read-only");
    expect(run.stderr).toContain(cfg);
    expect(readFileSync(cfg, "utf8")).toBe(text);
    const store = join(world.home, ".config", "hub-setup", "credentials");
    const stored = existsSync(store) ? readFileSync(store, "utf8") : "";
    expect(stored.includes(sandbox.tokens.hub), "the token went into the store").toBe(false);
  }, 90_000);

  it("a write that fails for want of space (EFBIG under ulimit -f) is exit 5 with a clear message", async () => {
    requireBuiltBin();
    const { world, cfg, text } = worldWithConfig();
    const run = await runUnderShell("ulimit -f 1", wizardArgs(cfg), world, `${sandbox.tokens.hub}\n`);
    expect(run.code, run.stderr).toBe(5);
    expect(run.stderr).not.toContain("unexpected error");
    expect(run.stderr).toContain(cfg);
    expect(run.stderr).toMatch(/too large|no space/);
    expect(readFileSync(cfg, "utf8")).toBe(text);
  }, 90_000);
});

describe("ansible.cfg that is not a regular file", () => {
  /** A project whose ansible.cfg is a FIFO nobody writes to: opening it for reading would block. */
  function worldWithFifo(): { world: Sandboxed; cfg: string } {
    const world = throwAwayWorld();
    chmodSync(world.project, 0o755);
    const cfg = join(world.project, "ansible.cfg");
    expect(spawnSync("mkfifo", [cfg]).status).toBe(0);
    return { world, cfg };
  }

  for (const [name, args] of [
    ["status", ["status", "--offline"]],
    ["env", ["env"]],
    ["the wizard", ["--no-interactive", "--hub", "private", "--url", "http://127.0.0.1:9/", "--token-stdin"]],
  ] as const) {
    it(`${name}: never blocks on a FIFO; exits 5 saying it is not a regular file`, async () => {
      requireBuiltBin();
      const { world, cfg } = worldWithFifo();
      // A generous bound: on failure (a hang) the child is killed and the test fails, whatever the load.
      const { done } = startBin([...args], { env: world.env, cwd: world.project, deadlineMs: 60_000 });
      const result = await done;
      expect(result.code, result.stderr).toBe(5);
      // status reports it in its listing (stdout); the others on stderr.
      const said = `${result.stdout}${result.stderr}`;
      expect(said).toContain(`cannot read ${cfg}: not a regular file (a FIFO)`);
    }, 90_000);
  }
});
