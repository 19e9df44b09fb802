import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../src/adapters/config.js";
import { run as env } from "../src/commands/env/index.js";
import { run as exec } from "../src/commands/exec/index.js";
import { run as refresh } from "../src/commands/refresh/index.js";
import { run as status } from "../src/commands/status/index.js";
import { hubToken } from "./support/fake-ports.js";
import { ansibleCfg, world } from "./support/temp-world.js";

/** The pid of a process that has exited (and been reaped): no writer holds it. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(done.stdout);
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGKILL");
});

/** A live process that is not this one (a writer still at work). */
function livePid(): number {
  const child = spawn("sleep", ["60"], { stdio: "ignore" });
  running.push(child);
  return child.pid!;
}

/** A temp file as core's atomic write names it (`.<file>.hub-setup-tmp-<pid>-<hex>`), holding a token. */
function leaveTemp(dir: string, pid: number, suffix = ""): string {
  const path = join(dir, `.ansible.cfg.hub-setup-tmp-${pid}-0123456789ab${suffix}`);
  writeFileSync(path, `[galaxy_server.pah]\ntoken = ${hubToken(7)}\n`, { mode: 0o600 });
  return path;
}

describe("every command sweeps the temp files of dead writers beside ansible.cfg (issue #16 item 10)", () => {
  for (const [name, command, argv] of [
    ["status", status, ["--offline"]],
    ["env", env, []],
    ["exec", exec, ["--", "true"]],
    ["refresh (nothing stored to refresh)", refresh, []],
  ] as const) {
    it(`${name}: removes a dead writer's temps, leaves a live writer's`, async () => {
      const w = world();
      w.writeConfig(ansibleCfg([{ id: "pah", url: "https://hub.example.test/api/galaxy/" }]));
      const dead = leaveTemp(w.project, deadPid());
      const deadBackup = join(w.project, `.ansible.cfg.bak.hub-setup-tmp-${deadPid()}-0123456789ab`);
      writeFileSync(deadBackup, "old\n", { mode: 0o600 });
      const live = leaveTemp(w.project, livePid());
      await command([...argv], w.ctx());
      expect(existsSync(dead), "a dead writer's temp file").toBe(false);
      expect(existsSync(deadBackup), "a dead writer's backup temp file").toBe(false);
      expect(existsSync(live), "a live writer's temp file").toBe(true);
      expect(existsSync(join(w.project, "ansible.cfg"))).toBe(true);
    });
  }

  it("the wizard: its read of ansible.cfg (the survey, the config step) sweeps first", async () => {
    const w = world();
    const path = w.writeConfig(ansibleCfg([{ id: "pah", url: "https://hub.example.test/api/galaxy/" }]));
    const dead = leaveTemp(w.project, deadPid());
    const live = leaveTemp(w.project, livePid());
    expect((await readConfig(path))?.text).toContain("[galaxy_server.pah]");
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
