import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../bin/hub-setup.mjs", import.meta.url));
const pkg = (await import("../package.json", { with: { type: "json" } })).default;

describe("the built hub-setup command", () => {
  it("prints its version", () => {
    const run = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`hub-setup ${pkg.version}\n`);
    expect(run.status).toBe(0);
  });

  it("never echoes a token pasted as an argument, only its redacted form", () => {
    const hex = "0123456789abcdef0123456789abcdef01234567";
    for (const args of [[hex], ["status", hex], ["env", "--shell", hex]]) {
      const run = spawnSync(process.execPath, [bin, ...args], {
        encoding: "utf8",
        env: { PATH: process.env["PATH"] ?? "" },
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("hub API token 0123…4567 (40 chars)");
      expect(run.stderr + run.stdout).not.toContain(hex.slice(4, 36));
    }
  });

  it("exits 2 on an unknown flag", () => {
    const run = spawnSync(process.execPath, [bin, "--nope"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--nope");
  });
});
