import { describe, expect, it } from "vitest";
import { isBackupCopy, isConfigFile, mayBeConfig } from "./candidate.js";

const galaxy = "[galaxy_server.hub]\nurl = https://hub.example.com/\n";

describe("candidates", () => {
  it.each([
    ["ansible.cfg.bak", true],
    ["dir/.ansible.cfg.bak", true],
    ["ansible.cfg~", true],
    ["hubs.INI.BAK", true],
    ["site.cfg~", true],
    ["ansible.cfg", false],
    ["notes.bak", false],
    ["ansible.cfg.orig", false],
    ["ansible.bak", false],
    [".ansible.cfg.hub-setup-tmp-4242-0123456789ab", true],
    ["d/..ansible.cfg.bak.hub-setup-tmp-1-ab.stale", true],
    [".tox.ini.hub-setup-tmp-1-ab", true],
    [".notes.md.hub-setup-tmp-1-ab", false],
    ["ansible.cfg.hub-setup-tmp-1-ab", false],
  ])("%s is a backup copy of a possible config: %s", (path, expected) => {
    expect(isBackupCopy(path)).toBe(expected);
  });

  it("reads a backup copy of a config like the file it copies", () => {
    expect(mayBeConfig("ansible.cfg.bak")).toBe(true);
    expect(isConfigFile("ansible.cfg.bak", "[defaults]\n")).toBe(true);
    expect(isConfigFile("home/.ansible.cfg~", "[defaults]\n")).toBe(true);
    // A *.ini backup is a candidate only with a galaxy section, as the *.ini is.
    expect(isConfigFile("tox.ini.bak", "[testenv]\n")).toBe(false);
    expect(isConfigFile("hubs.ini.bak", galaxy)).toBe(true);
    expect(mayBeConfig("notes.bak")).toBe(false);
    // hub-setup's temp files beside a config: judged like the config.
    expect(isConfigFile(".ansible.cfg.hub-setup-tmp-4242-0123456789ab", "[defaults]\n")).toBe(true);
    expect(isConfigFile("d/..ansible.cfg.hub-setup-tmp-1-ab", "[defaults]\n")).toBe(true);
    expect(isConfigFile(".tox.ini.hub-setup-tmp-1-ab", "[testenv]\n")).toBe(false);
    expect(isConfigFile(".hubs.ini.hub-setup-tmp-1-ab", galaxy)).toBe(true);
  });
});
