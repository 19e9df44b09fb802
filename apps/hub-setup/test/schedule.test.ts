import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { scheduleFiles } from "../src/adapters/schedule-files.js";
import type { ScheduleDeps } from "../src/commands/schedule/deps.js";
import { runSchedule } from "../src/commands/schedule/run.js";
import { CRON_MARKER, FIND_AND_RUN, systemdQuote } from "../src/commands/schedule/units.js";
import { fakeMachine, type FakeMachine } from "./support/fake-machine.js";
import { output } from "./support/fake-ports.js";

const SELF = { node: "/usr/bin/node", script: "/opt/hub-setup/bin/hub-setup.mjs" };

function harness(machine: FakeMachine, env: Record<string, string> = {}, self = SELF) {
  const home = tempDir();
  const io = output();
  const deps: ScheduleDeps = {
    env: { USER: "tester", ...env },
    home,
    self,
    files: scheduleFiles,
    run: machine.run,
    stdout: io.stdout,
    stderr: io.stderr,
  };
  const unitDir = join(env["XDG_CONFIG_HOME"] ?? join(home, ".config"), "systemd", "user");
  return { deps, io, home, unitDir };
}

describe("schedule with systemd", () => {
  it("writes the service and timer atomically, reloads, enables, and says how to watch it", async () => {
    const machine = fakeMachine({ systemd: true });
    const h = harness(machine);
    expect(await runSchedule(["--systemd"], h.deps)).toBe(EXIT.OK);
    expect(readdirSync(h.unitDir).sort()).toEqual(["hub-setup-refresh.service", "hub-setup-refresh.timer"]);
    const service = readFileSync(join(h.unitDir, "hub-setup-refresh.service"), "utf8");
    expect(service).toContain(
      `ExecStart=/bin/sh -c ${systemdQuote(FIND_AND_RUN)} hub-setup /usr/bin/node /opt/hub-setup/bin/hub-setup.mjs refresh --quiet\n`,
    );
    expect(readFileSync(join(h.unitDir, "hub-setup-refresh.timer"), "utf8")).toContain("Persistent=true\n");
    expect(machine.calls).toEqual([
      "systemctl --user daemon-reload",
      "systemctl --user enable --now hub-setup-refresh.timer",
    ]);
    expect(h.io.out()).toContain("systemctl --user list-timers hub-setup-refresh.timer");
    expect(h.io.out()).toContain("journalctl --user -u hub-setup-refresh.service");
  });

  it("is idempotent: a second run changes no file and needs no reload", async () => {
    const machine = fakeMachine({ systemd: true });
    const h = harness(machine);
    await runSchedule(["--systemd"], h.deps);
    const before = statSync(join(h.unitDir, "hub-setup-refresh.service")).mtimeMs;
    machine.calls.length = 0;
    expect(await runSchedule(["--systemd"], h.deps)).toBe(EXIT.OK);
    expect(machine.calls).toEqual(["systemctl --user enable --now hub-setup-refresh.timer"]);
    expect(statSync(join(h.unitDir, "hub-setup-refresh.service")).mtimeMs).toBe(before);
    expect(h.io.out()).toContain("already installed and unchanged");
  });

  it("--remove stops the timer and deletes both units; a second --remove finds nothing", async () => {
    const machine = fakeMachine({ systemd: true });
    const h = harness(machine);
    await runSchedule([], h.deps);
    machine.calls.length = 0;
    expect(await runSchedule(["--remove", "--systemd"], h.deps)).toBe(EXIT.OK);
    expect(existsSync(join(h.unitDir, "hub-setup-refresh.service"))).toBe(false);
    expect(existsSync(join(h.unitDir, "hub-setup-refresh.timer"))).toBe(false);
    expect(machine.calls).toEqual([
      "systemctl --user show-environment",
      "systemctl --user disable --now hub-setup-refresh.timer",
      "systemctl --user daemon-reload",
    ]);
    expect(await runSchedule(["--remove"], h.deps)).toBe(EXIT.OK);
    expect(h.io.out()).toContain("No hub-setup schedule is installed: nothing to remove.");
  });

  it("uses $XDG_CONFIG_HOME and carries it (and a plain proxy) into the unit, but never a proxy password", async () => {
    const machine = fakeMachine({ systemd: true });
    const xdg = tempDir();
    const h = harness(machine, {
      XDG_CONFIG_HOME: xdg,
      HTTPS_PROXY: "http://proxy.example.test:3128",
      HTTP_PROXY: "http://me:secret@proxy.example.test:3128",
    });
    await runSchedule(["--systemd"], h.deps);
    const service = readFileSync(join(xdg, "systemd/user/hub-setup-refresh.service"), "utf8");
    expect(service).toContain(`Environment=XDG_CONFIG_HOME=${xdg}\n`);
    expect(service).toContain("Environment=HTTPS_PROXY=http://proxy.example.test:3128\n");
    expect(service).not.toContain("secret");
    expect(h.io.err()).toContain("HTTP_PROXY holds a user name or password");
    expect(h.io.err()).not.toContain("secret");
  });

  it("leaves no temp file behind in the unit folder", async () => {
    const h = harness(fakeMachine({ systemd: true }));
    await runSchedule(["--systemd"], h.deps);
    expect(readdirSync(h.unitDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("schedule with cron", () => {
  const theirs = "MAILTO=me@example.test\n0 3 * * * /usr/local/bin/backup\n";

  it("adds one line to the crontab, keeping the user's lines, and is idempotent", async () => {
    const machine = fakeMachine({ crontab: theirs });
    const h = harness(machine);
    expect(await runSchedule(["--cron"], h.deps)).toBe(EXIT.OK);
    const table = machine.crontab() ?? "";
    expect(table.startsWith(theirs)).toBe(true);
    const ours = table.slice(theirs.length);
    expect(ours).toMatch(
      new RegExp(
        `^\\d+ \\d+ \\* \\* \\* '/bin/sh' '-c' '[^']+' 'hub-setup' '/usr/bin/node' '/opt/hub-setup/bin/hub-setup.mjs' 'refresh' '--quiet' ${CRON_MARKER.replace(/[()`]/g, "\\$&")}\\n$`,
      ),
    );
    expect(h.io.out()).toContain("crontab -l");
    machine.calls.length = 0;
    expect(await runSchedule(["--cron"], h.deps)).toBe(EXIT.OK);
    expect(machine.calls).toEqual(["crontab -l"]);
    expect(machine.crontab()).toBe(table);
  });

  it("starts a crontab for a user who has none, and --remove takes only our line out", async () => {
    const machine = fakeMachine({ crontab: "none" });
    const h = harness(machine);
    await runSchedule(["--cron"], h.deps);
    expect(machine.crontab()).toContain(CRON_MARKER);
    await runSchedule(["--cron", "--remove"], h.deps);
    expect(machine.crontab()).toBe("");
    const other = fakeMachine({ crontab: theirs });
    const o = harness(other);
    await runSchedule(["--cron"], o.deps);
    await runSchedule(["--remove"], o.deps);
    expect(other.crontab()).toBe(theirs);
    expect(o.io.out()).toContain("Removed the hub-setup line from your crontab.");
  });

  it("is chosen when no systemd user manager answers", async () => {
    const machine = fakeMachine({ systemd: false, crontab: "none" });
    const h = harness(machine);
    expect(await runSchedule([], h.deps)).toBe(EXIT.OK);
    expect(machine.calls[0]).toBe("systemctl --user show-environment");
    expect(machine.crontab()).toContain(CRON_MARKER);
    expect(existsSync(h.unitDir)).toBe(false);
  });
});

describe("schedule, other cases", () => {
  it("--print shows the units and changes nothing", async () => {
    const machine = fakeMachine({ systemd: true });
    const h = harness(machine);
    expect(await runSchedule(["--print", "--systemd"], h.deps)).toBe(EXIT.OK);
    expect(h.io.out()).toContain(`# ${join(h.unitDir, "hub-setup-refresh.service")}\n`);
    expect(h.io.out()).toContain("OnCalendar=weekly");
    expect(machine.calls).toEqual([]);
    expect(existsSync(h.unitDir)).toBe(false);
  });

  it("fails with what to do when neither systemd nor crontab is available", async () => {
    const h = harness(fakeMachine({ systemd: false, crontab: "not-installed" }));
    await expect(runSchedule([], h.deps)).rejects.toMatchObject({
      message: "neither a systemd user manager nor crontab is available here",
      hint: expect.stringContaining("--print") as unknown,
    });
  });

  it("warns when hub-setup runs from npx's cache, whose path may vanish", async () => {
    const h = harness(
      fakeMachine({ systemd: true }),
      {},
      {
        node: "/usr/bin/node",
        script: "/home/u/.npm/_npx/0123abcd/node_modules/hub-setup/bin/hub-setup.mjs",
      },
    );
    await runSchedule(["--systemd"], h.deps);
    expect(h.io.err()).toContain("npx's cache");
  });

  it("refuses --systemd with --cron, and --print with --remove", async () => {
    const h = harness(fakeMachine({}));
    await expect(runSchedule(["--systemd", "--cron"], h.deps)).rejects.toMatchObject({ code: "USAGE" });
    await expect(runSchedule(["--print", "--remove"], h.deps)).rejects.toMatchObject({ code: "USAGE" });
  });
});

describe("schedule never writes a secret-bearing proxy URL (issue #16, low)", () => {
  const secretProxies = {
    HTTPS_PROXY: "http://proxy.example.test:3128/?token=s3cr3tProxyToken42",
    http_proxy: "http://user:hunter2pass@proxy.example.test:3128",
  };

  it("--print leaves them out of the units and the crontab line, and says so with what to do", async () => {
    const h = harness(fakeMachine({ systemd: true }), secretProxies);
    expect(await runSchedule(["--print"], h.deps)).toBe(EXIT.OK);
    const out = h.io.out();
    const err = h.io.err();
    for (const secret of ["s3cr3tProxyToken42", "hunter2pass"]) {
      expect(out + err).not.toContain(secret);
    }
    expect(out).not.toContain("proxy.example.test");
    expect(err).toContain("HTTPS_PROXY");
    expect(err).toContain("http_proxy");
    expect(err).toContain("EnvironmentFile=");
    expect(err).toContain("0600");
  });

  it("installing leaves them out of the 0644 unit file too", async () => {
    const h = harness(fakeMachine({ systemd: true }), secretProxies);
    expect(await runSchedule(["--systemd"], h.deps)).toBe(EXIT.OK);
    const service = readFileSync(join(h.unitDir, "hub-setup-refresh.service"), "utf8");
    expect(service).not.toContain("proxy.example.test");
    expect(h.io.err()).toContain("HTTPS_PROXY");
  });
});
