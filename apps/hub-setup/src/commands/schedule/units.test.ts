import { describe, expect, it } from "vitest";
import {
  CRON_MARKER,
  FIND_AND_RUN,
  cronLine,
  cronTime,
  crontabHasLine,
  crontabWith,
  crontabWithout,
  systemdQuote,
  systemdService,
  systemdTimer,
} from "./units.js";

const self = { node: "/usr/local/bin/node", script: "/opt/hub setup/bin/hub-setup.mjs" };

describe("systemd units", () => {
  it("runs refresh --quiet from PATH, else by the recorded absolute path, quoting a path with a space", () => {
    const service = systemdService(self, []);
    expect(service).toContain(
      `ExecStart=/bin/sh -c ${systemdQuote(FIND_AND_RUN)} hub-setup /usr/local/bin/node "/opt/hub setup/bin/hub-setup.mjs" refresh --quiet\n`,
    );
    // sh's $ are doubled for systemd, and its double quotes escaped inside systemd's.
    expect(systemdQuote(FIND_AND_RUN)).toContain('exec \\"$$node\\" \\"$$script\\" \\"$$@\\"');
    expect(service).toContain("Type=oneshot");
  });

  it("passes the environment it is given, escaping systemd's specials", () => {
    const service = systemdService(self, [["XDG_CONFIG_HOME", "/home/a b/%cfg$x"]]);
    expect(service).toContain('Environment="XDG_CONFIG_HOME=/home/a b/%%cfg$$x"\n');
    expect(systemdQuote('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
  });

  it("has a weekly, persistent, randomised timer that is wanted by timers.target", () => {
    const timer = systemdTimer();
    for (const line of [
      "OnCalendar=weekly",
      "Persistent=true",
      "RandomizedDelaySec=6h",
      "WantedBy=timers.target",
    ])
      expect(timer).toContain(`${line}\n`);
  });
});

describe("the crontab line", () => {
  it("runs daily at a time fixed per user, from PATH else by absolute path, ending with our marker", () => {
    const line = cronLine(self, [], "alice");
    const { minute, hour } = cronTime("alice");
    expect(line).toBe(
      `${minute} ${hour} * * * '/bin/sh' '-c' '${FIND_AND_RUN}' 'hub-setup' '/usr/local/bin/node' '/opt/hub setup/bin/hub-setup.mjs' 'refresh' '--quiet' ${CRON_MARKER}`,
    );
    expect(minute).toBeGreaterThanOrEqual(0);
    expect(minute).toBeLessThan(60);
    expect(hour).toBeGreaterThanOrEqual(9);
    expect(hour).toBeLessThan(18);
    expect(cronTime("bob")).not.toEqual(cronTime("alice"));
  });

  it("escapes % (cron would end the command there) and quotes variables", () => {
    const line = cronLine(self, [["HTTPS_PROXY", "http://proxy:3128/%x"]], "u");
    expect(line).toContain(`HTTPS_PROXY='http://proxy:3128/\\%x' '/bin/sh' '-c'`);
    expect(line.replace(/\\%/g, "")).not.toContain("%");
  });
});

describe("crontab edits", () => {
  const ours = `1 9 * * * 'node' 'x' 'refresh' '--quiet' ${CRON_MARKER}`;
  const theirs = "# my jobs\nMAILTO=me@example.com\n0 3 * * * backup\n";

  it("adds our line and keeps every other line as it was", () => {
    const next = crontabWith(theirs, ours);
    expect(next).toBe(`${theirs}${ours}\n`);
    expect(crontabHasLine(next, ours)).toBe(true);
  });

  it("adds a newline to a crontab that lacks a final one, and starts an empty one cleanly", () => {
    expect(crontabWith("0 3 * * * backup", ours)).toBe(`0 3 * * * backup\n${ours}\n`);
    expect(crontabWith("", ours)).toBe(`${ours}\n`);
  });

  it("replaces an older line of ours rather than adding a second", () => {
    const old = `5 10 * * * '/old/node' 'x' 'refresh' '--quiet' ${CRON_MARKER}`;
    const next = crontabWith(`${theirs}${old}\n`, ours);
    expect(next).toBe(`${theirs}${ours}\n`);
  });

  it("removes only our line", () => {
    expect(crontabWithout(`${theirs}${ours}\n`)).toBe(theirs);
    expect(crontabWithout(theirs)).toBe(theirs);
  });
});
