import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
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

  it("keeps the commit path lean: no undici, no inquirer, no keyring in the checker bundle", () => {
    const map = JSON.parse(
      readFileSync(fileURLToPath(new URL("../dist/hub-token-check.mjs.map", import.meta.url)), "utf8"),
    ) as { sources: string[] };
    expect(map.sources.some((s) => s.includes("src/scan/scan-lines.ts"))).toBe(true);
    const heavy = map.sources.filter((s) => /undici|inquirer|keyring|core\/(?:dist|src)\/node\//.test(s));
    expect(heavy).toEqual([]);
    const fix = JSON.parse(
      readFileSync(fileURLToPath(new URL("../dist/hub-token-check-fix.mjs.map", import.meta.url)), "utf8"),
    ) as { sources: string[] };
    expect(fix.sources.some((s) => /core\/(?:dist|src)\/node\/store\//.test(s))).toBe(true);
  });
});
