import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, requireBuiltBin, type Finished } from "./support/built-bin.js";
import { throwAwayWorld } from "./support/temp-world.js";

/** The built hub-setup started by `sh` with `umask 000` (what a careless service manager may give it). */
function runUnderUmask000(args: string[], env: Record<string, string>, cwd: string): Promise<Finished> {
  const child = spawn("sh", ["-c", 'umask 000; exec "$0" "$@"', process.execPath, BIN, ...args], {
    env,
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe("folders hub-setup creates under umask 000 (issue #16 item 11)", () => {
  it("schedule --systemd creates ~/.config, ~/.config/systemd and …/user as 0700, never 0777", async () => {
    requireBuiltBin();
    const w = throwAwayWorld();
    const home = join(w.root, "fresh-home"); // no ~/.config yet
    mkdirSync(home, { mode: 0o700 });
    const fakeBin = join(w.root, "fake-bin");
    mkdirSync(fakeBin);
    writeFileSync(join(fakeBin, "systemctl"), "#!/bin/sh\nexit 0\n");
    chmodSync(join(fakeBin, "systemctl"), 0o755);
    const env: Record<string, string> = { ...w.env, HOME: home, PATH: `${fakeBin}:${w.env["PATH"] ?? ""}` };
    delete env["XDG_CONFIG_HOME"];
    const result = await runUnderUmask000(["schedule", "--systemd"], env, w.project);
    expect(result.code, result.stderr).toBe(0);
    const units = join(home, ".config", "systemd", "user");
    expect(mode(join(home, ".config"))).toBe("700");
    expect(mode(join(home, ".config", "systemd"))).toBe("700");
    expect(mode(units)).toBe("700");
    expect(mode(join(units, "hub-setup-refresh.service"))).toBe("644");
    expect(mode(join(units, "hub-setup-refresh.timer"))).toBe("644");
  });
});
