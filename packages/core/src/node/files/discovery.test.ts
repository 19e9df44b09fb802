import { describe, expect, it } from "vitest";
import type { DiscoveryFs } from "./discovery-fs.js";
import { findAnsibleConfig } from "./discovery.js";

/** A described machine: paths that exist (folders end with /), with modes; some unreadable. */
function fakeFs(entries: Record<string, number>, unreadable: string[] = []): DiscoveryFs {
  return {
    stat(path) {
      if (path in entries) return { isDirectory: false, mode: entries[path] ?? 0o644 };
      const dir = `${path}/`;
      if (dir in entries) return { isDirectory: true, mode: entries[dir] ?? 0o755 };
      return undefined;
    },
    readable: (path) => !unreadable.includes(path),
  };
}

const base = { cwd: "/work/proj", home: "/home/u" };

describe("findAnsibleConfig follows Ansible's search order", () => {
  it("takes ./ansible.cfg first when ANSIBLE_CONFIG is unset, and explains the others", () => {
    const fs = fakeFs({
      "/work/proj/": 0o755,
      "/work/proj/ansible.cfg": 0o644,
      "/home/u/.ansible.cfg": 0o600,
    });
    const r = findAnsibleConfig({ ...base, env: {}, fs });
    expect(r.path).toBe("/work/proj/ansible.cfg");
    expect(r.candidates.map((c) => [c.path, c.chosen])).toEqual([
      ["/work/proj/ansible.cfg", true],
      ["/home/u/.ansible.cfg", false],
      ["/etc/ansible/ansible.cfg", false],
    ]);
    expect(r.candidates[1]?.reason).toMatch(/^not read: \/work\/proj\/ansible.cfg comes first/);
    expect(r.warnings).toEqual([]);
    expect(r.error).toBeUndefined();
  });

  it("skips a world-writable cwd with Ansible's warning text, then uses ~/.ansible.cfg", () => {
    const fs = fakeFs({
      "/work/proj/": 0o777,
      "/work/proj/ansible.cfg": 0o644,
      "/home/u/.ansible.cfg": 0o600,
    });
    const r = findAnsibleConfig({ ...base, env: {}, fs });
    expect(r.path).toBe("/home/u/.ansible.cfg");
    expect(r.candidates[0]).toMatchObject({ path: "/work/proj/ansible.cfg", chosen: false });
    expect(r.candidates[0]?.reason).toMatch(/world-writable/);
    expect(r.warnings).toEqual([
      "Ansible is being run in a world writable directory (/work/proj), ignoring it as an ansible.cfg source. For more information see https://docs.ansible.com/ansible/devel/reference_appendices/config.html#cfg-in-world-writable-dir",
    ]);
  });

  it("warns about a skipped world-writable cwd file even when no file is read at all (as ansible-config does)", () => {
    const fs = fakeFs({ "/work/proj/": 0o777, "/work/proj/ansible.cfg": 0o644 });
    const r = findAnsibleConfig({ ...base, env: {}, fs });
    expect(r.path).toBeUndefined();
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^Ansible is being run in a world writable directory \(\/work\/proj\)/);
  });

  it("does not warn about a world-writable cwd without an ansible.cfg, nor when ANSIBLE_CONFIG picks that file", () => {
    const ww = { "/work/proj/": 0o777, "/work/proj/ansible.cfg": 0o644 };
    expect(findAnsibleConfig({ ...base, env: {}, fs: fakeFs({ "/work/proj/": 0o777 }) }).warnings).toEqual(
      [],
    );
    const r = findAnsibleConfig({ ...base, env: { ANSIBLE_CONFIG: "ansible.cfg" }, fs: fakeFs(ww) });
    expect(r.path).toBe("/work/proj/ansible.cfg");
    expect(r.warnings).toEqual([]);
  });

  it("ANSIBLE_CONFIG: ~ and $VARS expanded, relative to cwd, a folder means folder/ansible.cfg", () => {
    const fs = fakeFs({
      "/work/proj/": 0o755,
      "/home/u/cfg/": 0o755,
      "/home/u/cfg/ansible.cfg": 0o644,
      "/work/x.ini": 0o644,
    });
    expect(findAnsibleConfig({ ...base, env: { ANSIBLE_CONFIG: "~/cfg" }, fs }).path).toBe(
      "/home/u/cfg/ansible.cfg",
    );
    expect(findAnsibleConfig({ ...base, env: { ANSIBLE_CONFIG: "$D/cfg/", D: "/home/u" }, fs }).path).toBe(
      "/home/u/cfg/ansible.cfg",
    );
    expect(findAnsibleConfig({ ...base, env: { ANSIBLE_CONFIG: "../x.ini" }, fs }).path).toBe("/work/x.ini");
    expect(
      findAnsibleConfig({ ...base, env: { ANSIBLE_CONFIG: "${NOPE}/x.cfg" }, fs }).candidates[0]?.path,
    ).toBe("/work/proj/${NOPE}/x.cfg");
  });

  it("falls through a missing or unreadable ANSIBLE_CONFIG file, saying why", () => {
    const fs = fakeFs({ "/work/proj/": 0o755, "/etc/ansible/ansible.cfg": 0o644, "/srv/a.cfg": 0o600 }, [
      "/srv/a.cfg",
    ]);
    const missing = findAnsibleConfig({ ...base, env: { ANSIBLE_CONFIG: "/srv/none.cfg" }, fs });
    expect(missing.path).toBe("/etc/ansible/ansible.cfg");
    expect(missing.candidates[0]).toMatchObject({ path: "/srv/none.cfg", chosen: false });
    expect(missing.candidates[0]?.reason).toMatch(/^does not exist \(ANSIBLE_CONFIG names it\)/);
    const unreadable = findAnsibleConfig({ ...base, env: { ANSIBLE_CONFIG: "/srv/a.cfg" }, fs });
    expect(unreadable.candidates[0]?.reason).toMatch(/^exists but is not readable/);
    expect(unreadable.path).toBe("/etc/ansible/ansible.cfg");
  });

  it("reports the error Ansible gives for a chosen file that is not .cfg or .ini", () => {
    const fs = fakeFs({
      "/work/proj/": 0o755,
      "/srv/x.conf": 0o644,
      "/srv/x.yml": 0o644,
      "/srv/.cfg": 0o644,
    });
    expect(findAnsibleConfig({ ...base, env: { ANSIBLE_CONFIG: "/srv/x.conf" }, fs }).error).toBe(
      "Unsupported configuration file extension for /srv/x.conf: .conf",
    );
    expect(findAnsibleConfig({ ...base, env: { ANSIBLE_CONFIG: "/srv/x.yml" }, fs }).error).toBe(
      "Unsupported configuration file type: yaml",
    );
    expect(findAnsibleConfig({ ...base, env: { ANSIBLE_CONFIG: "/srv/.cfg" }, fs }).error).toBe(
      "Unsupported configuration file extension for /srv/.cfg: ",
    );
  });

  it("finds nothing when nothing exists", () => {
    const r = findAnsibleConfig({ ...base, env: {}, fs: fakeFs({ "/work/proj/": 0o755 }) });
    expect(r.path).toBeUndefined();
    expect(r.candidates.every((c) => !c.chosen && c.reason.startsWith("does not exist"))).toBe(true);
  });

  it("an empty ANSIBLE_CONFIG means the cwd, as in Ansible", () => {
    const fs = fakeFs({ "/work/proj/": 0o755, "/work/proj/ansible.cfg": 0o644 });
    const r = findAnsibleConfig({ ...base, env: { ANSIBLE_CONFIG: "" }, fs });
    expect(r.candidates[0]).toMatchObject({ path: "/work/proj/ansible.cfg", chosen: true });
  });
});
