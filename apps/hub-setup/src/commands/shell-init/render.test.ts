import { describe, expect, it } from "vitest";
import { BEGIN, END, renderInit, withBlock } from "./render.js";

const self = { node: "/usr/bin/node", script: "/opt/hub setup/bin/hub-setup.mjs" };

describe("shell-init's functions and the marked block", () => {
  it("wraps exactly the four hub commands, each through `hub-setup exec` by absolute, quoted path", () => {
    const bash = renderInit("bash", self);
    expect(bash).toContain(
      `ansible-galaxy() { '/usr/bin/node' '/opt/hub setup/bin/hub-setup.mjs' exec -- ansible-galaxy "$@"; }`,
    );
    for (const name of ["ansible-builder", "ansible-navigator", "ansible-playbook"])
      expect(bash).toContain(`${name}() {`);
    expect(bash.match(/\(\) \{/g)).toHaveLength(4);
    expect(bash).not.toMatch(/export |TOKEN=/);
    const fish = renderInit("fish", self);
    expect(fish).toContain("function ansible-galaxy --wraps ansible-galaxy\n");
    expect(fish).toContain("exec -- ansible-galaxy $argv\nend\n");
  });

  it("appends the block once, replaces it in place, removes it, and keeps every other byte", () => {
    const block = renderInit("bash", self);
    const rc = "alias ll='ls -l'\nexport EDITOR=vi";
    const added = withBlock(rc, block);
    expect(added).toBe(`${rc}\n\n${block}`);
    expect(withBlock(added, block)).toBe(added);
    const newer = renderInit("bash", { ...self, script: "/elsewhere/hub-setup.mjs" });
    const replaced = withBlock(`${added}PS1='$ '\n`, newer);
    expect(replaced).toBe(`${rc}\n\n${newer}PS1='$ '\n`);
    expect(replaced.split(BEGIN)).toHaveLength(2);
    expect(withBlock(replaced, undefined)).toBe(`${rc}\nPS1='$ '\n`);
    expect(withBlock("", block)).toBe(block);
    expect(withBlock(rc, undefined)).toBe(rc);
    expect(block.endsWith(`${END}\n`)).toBe(true);
  });
});
