import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../bin/hub-token-check.mjs", import.meta.url));
const pkg = (await import("../package.json", { with: { type: "json" } })).default;

describe("the built hub-token-check command", () => {
  it("prints its version", () => {
    const run = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`hub-token-check ${pkg.version}\n`);
    expect(run.status).toBe(0);
  });

  it("exits 2 on a usage error", () => {
    const run = spawnSync(process.execPath, [bin, "--bogus"], { encoding: "utf8" });
    expect(run.status).toBe(2);
  });
});
