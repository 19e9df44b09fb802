import { describe, expect, it } from "vitest";
import { fakeHubToken } from "../../test/support/fake-tokens.js";
import { memoryIo } from "../../test/support/memory-io.js";
import type { Finding } from "../scan/finding.js";
import { runFix, type FixPorts } from "./run-fix.js";

const token = fakeHubToken("run-fix");
const file = `[galaxy_server.private_hub]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`;
const finding = { path: "ansible.cfg" } as Finding;

function fakePorts(overrides: Partial<FixPorts> = {}, already: Record<string, string> = {}) {
  const written = new Map<string, string>();
  const stored = new Map<string, string>(Object.entries(already));
  const storeCalls: string[] = [];
  const ports: FixPorts = {
    readText: async () => file,
    writeText: async (path, text) => {
      written.set(path, text);
      return `${path}.bak`;
    },
    storedToken: async (id) => stored.get(id),
    storeToken: async (id, t) => {
      storeCalls.push(id);
      stored.set(id, t);
    },
    storeLocation: async () => "a test store",
    ...overrides,
  };
  return { ports, written, stored, storeCalls };
}

describe("runFix", () => {
  it("stores the token, rewrites the file, and says to re-stage it — never printing the token", async () => {
    const { ports, written, stored } = fakePorts();
    const io = memoryIo();
    await runFix([finding, finding], io, ports);
    expect(stored.get("private_hub")).toBe(token);
    expect(written.get("ansible.cfg")).toBe(
      "[galaxy_server.private_hub]\nurl = https://hub.example.com/api/galaxy/\n",
    );
    const out = io.out.join("");
    expect(out).toContain(
      "ansible.cfg:3: moved the token of [galaxy_server.private_hub] into the secret store (a test store)",
    );
    expect(out).toContain("git add -- ansible.cfg");
    expect(out).toContain("kept as ansible.cfg.bak");
    expect(out).not.toContain(token);
  });

  it("says the backup it leaves holds the token just removed, and must stay out of git", async () => {
    const { ports } = fakePorts();
    const io = memoryIo();
    await runFix([finding], io, ports);
    expect(io.out.join("")).toContain(
      "ansible.cfg: the previous version is kept as ansible.cfg.bak: it still holds the token just removed; delete it (rm -- ansible.cfg.bak), or keep it out of git",
    );
  });

  it("leaves a backup copy alone (no edit, nothing stored) and says to delete it or keep it out of git", async () => {
    const { ports, written, storeCalls } = fakePorts();
    const io = memoryIo();
    await runFix(
      [{ path: "ansible.cfg.bak" } as Finding, { path: "conf/.ansible.cfg~" } as Finding],
      io,
      ports,
    );
    expect(written.size).toBe(0);
    expect(storeCalls).toEqual([]);
    const out = io.out.join("");
    expect(out).toContain(
      "ansible.cfg.bak: not fixed: a backup copy of a config file, holding an old token: delete it, or keep it out of git (`git rm --cached -- ansible.cfg.bak` if it is staged",
    );
    expect(out).toContain("conf/.ansible.cfg~: not fixed: a backup copy");
    expect(out).not.toContain("git add --");
  });

  it("removes the line without writing the store when the store already holds the same token", async () => {
    const { ports, written, storeCalls } = fakePorts({}, { private_hub: token });
    const io = memoryIo();
    await runFix([finding], io, ports);
    expect(storeCalls).toEqual([]);
    expect(written.get("ansible.cfg")).toBe(
      "[galaxy_server.private_hub]\nurl = https://hub.example.com/api/galaxy/\n",
    );
    expect(io.out.join("")).toContain(
      "ansible.cfg:3: the secret store (a test store) already holds this token for private_hub: removed the line",
    );
  });

  it("never overwrites a different token the store holds: the line stays, and it says to run hub-setup", async () => {
    const newer = fakeHubToken("newer");
    const { ports, written, stored, storeCalls } = fakePorts({}, { private_hub: newer });
    const io = memoryIo();
    await runFix([finding], io, ports);
    expect(storeCalls).toEqual([]);
    expect(stored.get("private_hub")).toBe(newer);
    expect(written.size).toBe(0);
    const out = io.out.join("");
    expect(out).toContain(
      "ansible.cfg:3: token of [galaxy_server.private_hub] not fixed: the secret store (a test store) already holds a different token for private_hub; the line is left in place (run `hub-setup` to choose which to keep)",
    );
    expect(out).not.toContain(token);
    expect(out).not.toContain(newer);
    expect(out).not.toContain("git add --");
  });

  it("leaves the file alone when the store refuses the token", async () => {
    const { ports, written } = fakePorts({
      storeToken: () => Promise.reject(new Error("store locked")),
    });
    await expect(runFix([finding], memoryIo(), ports)).rejects.toThrow("store locked");
    expect(written.size).toBe(0);
  });

  it("reports a file it cannot read and goes on", async () => {
    const { ports } = fakePorts({ readText: () => Promise.reject(new Error("gone")) });
    const io = memoryIo();
    await runFix([finding], io, ports);
    expect(io.out.join("")).toContain("ansible.cfg: not fixed: cannot read it from the working tree (gone)");
  });
});
