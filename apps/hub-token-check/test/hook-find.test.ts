// The hook `hub-token-check install` writes, run for real by sh outside git: it must find the checker
// after an upgrade or a reinstall (PATH first, then the recorded command), and when the checker is gone
// it must stop the commit (non-zero) with one line that says how to reinstall or skip: never pass.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { GONE_HINT, hookScript } from "../src/install/hook-script.js";

/** Writes the hook into a fresh hooks folder and runs it with this PATH. */
function runHook(self: readonly string[], path: string) {
  const hooks = tempDir();
  const hook = join(hooks, "pre-commit");
  writeFileSync(hook, hookScript(self));
  chmodSync(hook, 0o755);
  return spawnSync(hook, [], { encoding: "utf8", env: { PATH: path } });
}

function fakeChecker(says: string, code = 0): string {
  const dir = tempDir();
  writeFileSync(join(dir, "hub-token-check"), `#!/bin/sh\necho "${says}"\nexit ${code}\n`);
  chmodSync(join(dir, "hub-token-check"), 0o755);
  return dir;
}

function recordedBin(): string {
  const dir = join(tempDir(), "node_modules", ".bin");
  mkdirSync(dir, { recursive: true });
  const script = join(dir, "hub-token-check");
  writeFileSync(script, 'console.log("recorded"); process.exitCode = 1;\n');
  return script;
}

describe("the pre-commit hook's search for the checker", () => {
  const base = "/usr/bin:/bin";

  it("runs hub-token-check from PATH first, passing on its exit code", () => {
    const run = runHook([process.execPath, recordedBin()], `${fakeChecker("path", 1)}:${base}`);
    expect(run.stdout).toBe("path\n");
    expect(run.status).toBe(1);
  });

  it("else the recorded command, by the recorded node or node from PATH", () => {
    const byRecordedNode = runHook([process.execPath, recordedBin()], base);
    expect(byRecordedNode.stdout).toBe("recorded\n");
    expect(byRecordedNode.status).toBe(1);
    const byPathNode = runHook(["/nonexistent/node", recordedBin()], `${dirname(process.execPath)}:${base}`);
    expect(byPathNode.stdout).toBe("recorded\n");
    expect(byPathNode.status).toBe(1);
  });

  it("stops the commit with one line saying how to reinstall or skip when the checker is gone", () => {
    const gone = join(tempDir(), "moved", "hub-token-check");
    const run = runHook([process.execPath, gone], base);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`hub-token-check: the checker is not on PATH nor at ${gone}: ${GONE_HINT}\n`);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(GONE_HINT).toContain("git commit --no-verify");
    expect(GONE_HINT).toContain("npm install -g hub-token-check");
    expect(run.status).toBe(1);
  });
});
