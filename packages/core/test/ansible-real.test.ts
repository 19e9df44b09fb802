import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requireTool, tempDir } from "@hub-setup/test-utils";

// The real world, not our idea of it: Debian's ansible-core reads a file we wrote.
const ansible = requireTool("ansible-galaxy");

describe.skipIf(!ansible.available)("the real ansible-core", () => {
  it("answers ansible-galaxy --version", () => {
    const run = spawnSync("ansible-galaxy", ["--version"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ansible-galaxy \[core 2\.\d+\.\d+/);
  });

  it("reads the ansible.cfg that ANSIBLE_CONFIG names, lower-casing keys and keeping `;` comments out", () => {
    const dir = tempDir();
    const cfg = join(dir, "ansible.cfg");
    writeFileSync(
      cfg,
      "[defaults]\nFORKS = 17 ; a comment ConfigParser strips\n\n[galaxy]\nserver_list = a, b\n",
    );
    const run = spawnSync("ansible-config", ["dump", "--only-changed"], {
      encoding: "utf8",
      env: { ...process.env, ANSIBLE_CONFIG: cfg, HOME: dir, ANSIBLE_NOCOLOR: "1" },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^DEFAULT_FORKS\\(${cfg.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\) = 17$`, "m"),
    );
    expect(run.stdout).toMatch(/^GALAXY_SERVER_LIST\(.*\) = \['a', 'b'\]$/m);
  });
});
