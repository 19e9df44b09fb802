// The command a timer or cron job runs, executed for real by sh: it must find hub-setup after an upgrade
// or a reinstall (PATH first, then the recorded script), and fail closed (non-zero, one line saying what
// to do) when hub-setup is gone, never end quietly as if the token had been refreshed.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { cronLine, CRON_MARKER } from "../src/commands/schedule/units.js";

/** What cron hands to sh: the line after its five time fields (our marker is a comment to sh). */
function cronCommand(node: string, script: string): string {
  const line = cronLine({ node, script }, [], "alice");
  expect(line.endsWith(CRON_MARKER)).toBe(true);
  return line.split(" ").slice(5).join(" ");
}

function runJob(command: string, path: string) {
  return spawnSync("/bin/sh", ["-c", command], { encoding: "utf8", env: { PATH: path } });
}

/** A folder holding an executable `name` (sh) that prints who it is and its arguments. */
function fakeCommand(name: string, says: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, name), `#!/bin/sh\necho "${says} $*"\n`);
  chmodSync(join(dir, name), 0o755);
  return dir;
}

/** A script node can run that prints "recorded" and its arguments. */
function recordedScript(): string {
  const dir = join(tempDir(), "lib", "node_modules", "hub-setup", "bin");
  mkdirSync(dir, { recursive: true });
  const script = join(dir, "hub-setup.mjs");
  writeFileSync(script, 'console.log(["recorded", ...process.argv.slice(2)].join(" "));\n');
  return script;
}

describe("the scheduled job's command, run by sh", () => {
  const base = "/usr/bin:/bin";

  it("runs hub-setup from PATH first (a global install, upgraded in place)", () => {
    const onPath = fakeCommand("hub-setup", "path");
    const run = runJob(cronCommand(process.execPath, recordedScript()), `${onPath}:${base}`);
    expect(run.stdout).toBe("path refresh --quiet\n");
    expect(run.status).toBe(0);
  });

  it("else the recorded script with the recorded node", () => {
    const run = runJob(cronCommand(process.execPath, recordedScript()), base);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("recorded refresh --quiet\n");
    expect(run.status).toBe(0);
  });

  it("else the recorded script with node from PATH, when the recorded node is gone", () => {
    const run = runJob(
      cronCommand("/nonexistent/node", recordedScript()),
      `${dirname(process.execPath)}:${base}`,
    );
    expect(run.stdout).toBe("recorded refresh --quiet\n");
    expect(run.status).toBe(0);
  });

  it("fails closed with one line that says how to reinstall or remove the job", () => {
    const gone = join(tempDir(), "moved", "hub-setup.mjs");
    const run = runJob(cronCommand(process.execPath, gone), base);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `hub-setup: not on PATH nor at ${gone}: reinstall it (npm install -g hub-setup), or remove this job (hub-setup schedule --remove)\n`,
    );
    expect(run.status).toBe(127);
  });
});
