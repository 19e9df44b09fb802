/**
 * `hub-setup shell-init` for real (issue #13 item 4): the rc block is added once, and a fresh bash
 * started with it runs plain `ansible-galaxy collection install` from the sandbox with no token in
 * ansible.cfg, while `env` in that shell shows no token.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { requireTool } from "@hub-setup/test-utils";
import { requireBuiltBin, runBin } from "./support/built-bin.js";
import { installedCollection, throwAwayWorld, type Sandboxed } from "./support/temp-world.js";
import { showsSecret } from "./support/tmux.js";

const galaxy = requireTool("ansible-galaxy");
const bash = requireTool("bash");

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

/** A fresh interactive bash (it reads ~/.bashrc) running `script`; its output. */
function freshBash(world: Sandboxed, script: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-i", "-c", script], {
      cwd: world.project,
      env: world.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe.skipIf(!galaxy.available || !bash.available)("hub-setup shell-init (built bin, real bash)", () => {
  it("adds the block once; a fresh bash installs with plain ansible-galaxy, and its env holds no token", async () => {
    requireBuiltBin();
    const world = throwAwayWorld({ SHELL: "/bin/bash" });
    const token = sandbox.tokens.hub;
    const setup = await runBin(
      [
        "--no-interactive",
        "--hub",
        "private",
        "--url",
        sandbox.urls.private.published,
        "--token-stdin",
        "--store",
        "file",
        "--yes",
        "--shell-init",
      ],
      world,
      `${token}\n`,
    );
    expect(setup.status, setup.stderr).toBe(0);
    expect(setup.stdout).toContain("plain ansible-galaxy gets the token in every new bash");
    expect(setup.stdout).toContain("ansible-galaxy collection install sandbox.");
    const rc = join(world.home, ".bashrc");
    const first = readFileSync(rc, "utf8");
    expect(first).toContain("# >>> hub-setup shell-init >>>");

    const again = await runBin(["shell-init", "bash", "--install"], world);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("already has this hub-setup block: nothing changed");
    expect(readFileSync(rc, "utf8")).toBe(first);

    const cfg = readFileSync(join(world.home, ".ansible.cfg"), "utf8");
    expect(showsSecret(cfg, token), "no token in ansible.cfg").toBe(false);
    const run = await freshBash(
      world,
      'type -t ansible-galaxy; ansible-galaxy collection install sandbox.demo; echo "galaxy exit $?"; env; echo ENV-END',
    );
    expect(run.out).toMatch(/^function$/m);
    expect(run.out, run.out).toContain("galaxy exit 0");
    expect(existsSync(installedCollection(world, "sandbox.demo"))).toBe(true);
    const env = run.out.slice(run.out.indexOf("galaxy exit 0"));
    expect(env).toContain("ENV-END");
    expect(env).not.toMatch(/ANSIBLE_GALAXY_SERVER_\w+_TOKEN/);
    expect(showsSecret(env, token), "the shell's environment holds no token").toBe(false);

    const removed = await runBin(["shell-init", "bash", "--remove"], world);
    expect(removed.status, removed.stderr).toBe(0);
    expect(readFileSync(rc, "utf8")).not.toContain("hub-setup shell-init");
    // The rc file's backup is the user's (not in a git work tree here): beside it, 0600.
    expect(statSync(`${rc}.bak`).mode & 0o777).toBe(0o600);
    expect(readdirSync(world.home)).toContain(".bashrc");
  }, 180_000);
});
