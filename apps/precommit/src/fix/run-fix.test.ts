import { describe, expect, it } from "vitest";
import { fakeHubToken } from "../../test/support/fake-tokens.js";
import { memoryIo } from "../io.js";
import type { Finding } from "../scan/finding.js";
import { runFix, type FixPorts } from "./run-fix.js";

const token = fakeHubToken("run-fix");
const file = `[galaxy_server.private_hub]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`;
const finding = { path: "ansible.cfg" } as Finding;

function fakePorts(overrides: Partial<FixPorts> = {}) {
  const written = new Map<string, string>();
  const stored = new Map<string, string>();
  const ports: FixPorts = {
    readText: async () => file,
    writeText: async (path, text) => {
      written.set(path, text);
      return `${path}.bak`;
    },
    storeToken: async (id, t) => void stored.set(id, t),
    storeLocation: async () => "a test store",
    ...overrides,
  };
  return { ports, written, stored };
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
