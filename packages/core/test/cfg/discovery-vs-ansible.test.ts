import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { findAnsibleConfig } from "../../src/node/files/index.js";

// findAnsibleConfig against the real ansible-config, on real folders: the same file, the same warning.
const ansibleConfig = requireTool("ansible-config");

type Scenario = { name: string; cwd: string; env: Record<string, string> };

function setUp(): { home: string; scenarios: Scenario[] } {
  const root = tempDir();
  const home = join(root, "home");
  const proj = join(root, "proj");
  const shared = join(root, "shared");
  const cfgDir = join(root, "cfgdir");
  const empty = join(root, "empty");
  for (const d of [home, proj, shared, cfgDir, empty]) mkdirSync(d);
  for (const f of [
    join(home, ".ansible.cfg"),
    join(proj, "ansible.cfg"),
    join(shared, "ansible.cfg"),
    join(cfgDir, "ansible.cfg"),
  ]) {
    writeFileSync(f, "[defaults]\n");
  }
  writeFileSync(join(root, "other.ini"), "[defaults]\n");
  chmodSync(shared, 0o777);
  const scenarios: Scenario[] = [
    { name: "cwd file", cwd: proj, env: {} },
    { name: "world-writable cwd", cwd: shared, env: {} },
    {
      name: "world-writable cwd named by ANSIBLE_CONFIG",
      cwd: shared,
      env: { ANSIBLE_CONFIG: "./ansible.cfg" },
    },
    { name: "ANSIBLE_CONFIG folder", cwd: proj, env: { ANSIBLE_CONFIG: cfgDir } },
    { name: "ANSIBLE_CONFIG relative .ini", cwd: proj, env: { ANSIBLE_CONFIG: "../other.ini" } },
    { name: "ANSIBLE_CONFIG missing", cwd: empty, env: { ANSIBLE_CONFIG: join(root, "nope.cfg") } },
    { name: "ANSIBLE_CONFIG with ~", cwd: empty, env: { ANSIBLE_CONFIG: "~/.ansible.cfg" } },
    { name: "home only", cwd: empty, env: {} },
  ];
  return { home, scenarios };
}

// Ansible wraps warnings at 80 columns, even inside the URL: compare without whitespace.
const squash = (s: string): string => s.replace(/\s+/g, "");

describe.skipIf(!ansibleConfig.available)("findAnsibleConfig agrees with ansible-config --version", () => {
  it("picks the same file and gives the same world-writable warning in every scenario", () => {
    const { home, scenarios } = setUp();
    for (const s of scenarios) {
      const env = { PATH: process.env["PATH"] ?? "", HOME: home, ANSIBLE_NOCOLOR: "1", ...s.env };
      const run = spawnSync("ansible-config", ["--version"], {
        cwd: s.cwd,
        env,
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(run.status, s.name).toBe(0);
      const theirs = /config file = (.*)/.exec(run.stdout)?.[1];
      const ours = findAnsibleConfig({ env, cwd: s.cwd, home });
      expect(ours.path ?? "None", s.name).toBe(theirs);
      const theirWarning = squash(run.stderr.replace(/\[WARNING\]:/g, ""));
      expect(squash(ours.warnings.join(" ")), s.name).toBe(theirWarning);
    }
    // Eight ansible-config runs (Python start-up each): seconds on a loaded machine, so not the 5 s default.
  }, 60_000);
});
