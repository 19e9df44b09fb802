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

  it("exits 2 on an unknown flag", () => {
    const run = spawnSync(process.execPath, [bin, "--nope"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--nope");
  });
});
