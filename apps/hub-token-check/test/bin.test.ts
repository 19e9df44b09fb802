import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { modulesLoaded, requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { initRepo } from "./support/git-repo.js";

const bin = fileURLToPath(new URL("../bin/hub-token-check.cjs", import.meta.url));
const oldBin = fileURLToPath(new URL("../bin/hub-token-check.mjs", import.meta.url));
const pkg = (await import("../package.json", { with: { type: "json" } })).default;
const git = requireTool("git");

/** Node's own modules a run of the built command loaded (it must succeed). */
function loadedBy(args: string[], cwd: string, env: Record<string, string>): string[] {
  const run = modulesLoaded(bin, args, { cwd, env });
  expect(run.status, run.output).toBe(0);
  return run.loaded;
}

describe("the built hub-token-check command", () => {
  it("prints its version", () => {
    const run = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`hub-token-check ${pkg.version}\n`);
    expect(run.status).toBe(0);
  });

  it("is the package's bin; the older ES module path still runs it", () => {
    expect(pkg.bin["hub-token-check"]).toBe("bin/hub-token-check.cjs");
    const run = spawnSync(process.execPath, [oldBin, "--version"], { encoding: "utf8" });
    expect(run.stdout).toBe(`hub-token-check ${pkg.version}\n`);
    expect(run.status).toBe(0);
  });

  it("exits 2 on a usage error", () => {
    const run = spawnSync(process.execPath, [bin, "--bogus"], { encoding: "utf8" });
    expect(run.status).toBe(2);
  });

  it("keeps the commit path lean: no undici, no inquirer, no keyring in the checker bundle", () => {
    // The sources esbuild put in each bundle (build.mjs writes them beside it; no source maps are built).
    const map = {
      sources: JSON.parse(
        readFileSync(
          fileURLToPath(new URL("../dist/hub-token-check.cjs.inputs.json", import.meta.url)),
          "utf8",
        ),
      ) as string[],
    };
    expect(map.sources.some((s) => /core\/(?:dist|src)\/secrets\/scan-lines\.[jt]s$/.test(s))).toBe(true);
    const heavy = map.sources.filter((s) => /undici|inquirer|keyring|core\/(?:dist|src)\/node\//.test(s));
    expect(heavy).toEqual([]);
    const fix = {
      sources: JSON.parse(
        readFileSync(
          fileURLToPath(new URL("../dist/hub-token-check-fix.mjs.inputs.json", import.meta.url)),
          "utf8",
        ),
      ) as string[],
    };
    expect(fix.sources.some((s) => /core\/(?:dist|src)\/node\/store\//.test(s))).toBe(true);
  });

  // Start-up work, checked by what is loaded rather than by time: the ES module loader (~4 ms in
  // Node 20), node:fs/promises and node:child_process (with node:net and node:stream, ~4 ms) never: a
  // commit runs git through Node's spawn_sync binding (src/source/spawn-sync.ts).
  it.skipIf(!git.available)(
    "loads neither the ES module loader, fs/promises nor child_process, staged or named",
    () => {
      const repo = initRepo(tempDir());
      repo.write("ansible.cfg", "[galaxy_server.hub]\nurl = https://hub.example.com/api/galaxy/\n");
      repo.git("add", "ansible.cfg");
      const staged = loadedBy([], repo.dir, repo.env);
      const named = loadedBy(["ansible.cfg"], repo.dir, repo.env);
      for (const loaded of [staged, named]) {
        expect(loaded).toContain("NativeModule internal/modules/cjs/loader");
        expect(loaded).not.toContain("NativeModule internal/modules/esm/loader");
        expect(loaded).not.toContain("NativeModule internal/fs/promises");
        expect(loaded).not.toContain("NativeModule child_process");
      }
      expect(staged).toContain("Internal Binding spawn_sync");
      expect(named).not.toContain("Internal Binding spawn_sync");
    },
  );

  // Where Node would warn that process.binding is deprecated, the checker runs git through
  // node:child_process instead: the same verdict, and no warning in a user's commit.
  it.skipIf(!git.available)(
    "runs git through child_process, with the same verdict and no warning, under --pending-deprecation",
    () => {
      const repo = initRepo(tempDir());
      repo.write("ansible.cfg", `[galaxy_server.hub]\ntoken = ${"a1b2c3d4e5".repeat(4)}\n`);
      repo.git("add", "ansible.cfg");
      const plain = modulesLoaded(bin, [], { cwd: repo.dir, env: repo.env });
      for (const env of [
        { ...repo.env, NODE_OPTIONS: "--pending-deprecation" },
        { ...repo.env, NODE_OPTIONS: "--pending_deprecation=true --throw-deprecation" },
        { ...repo.env, NODE_PENDING_DEPRECATION: "1" },
      ]) {
        const run = modulesLoaded(bin, [], { cwd: repo.dir, env });
        expect(run.status).toBe(1);
        expect(run.output).toBe(plain.output);
        expect(run.output).not.toMatch(/DeprecationWarning|DEP0111/);
        expect(run.loaded).toContain("NativeModule child_process");
      }
      expect(plain.status).toBe(1);
      expect(plain.output).toContain("ansible.cfg:2:9: hub token in [galaxy_server.hub]");
    },
  );

  it.skipIf(!git.available)(
    'says to install git, not "not inside a git repository", when git cannot be run',
    () => {
      const repo = initRepo(tempDir());
      repo.write("ansible.cfg", "[defaults]\n");
      repo.git("add", "ansible.cfg");
      for (const args of [[], ["--all"], ["install"]])
        for (const extra of [{}, { NODE_OPTIONS: "--pending-deprecation" }]) {
          const run = spawnSync(process.execPath, [bin, ...args], {
            cwd: repo.dir,
            env: { ...repo.env, ...extra, PATH: tempDir() },
            encoding: "utf8",
          });
          expect(run.stdout).toBe("");
          expect(run.stderr).toBe("hub-token-check: cannot run git: spawnSync git ENOENT\n  install git\n");
          expect(run.status).toBe(2);
        }
      // Node's permission model forbids child processes unless allowed: it says so, and how to allow it.
      const denied = spawnSync(
        process.execPath,
        ["--experimental-permission", "--allow-fs-read=*", "--no-warnings", bin],
        { cwd: repo.dir, env: repo.env, encoding: "utf8" },
      );
      // Node's own words vary by version (newer ones name the flag themselves): ours once, and the flag.
      expect(denied.stderr).toMatch(
        /^hub-token-check: cannot run git: Access to this API has been restricted/,
      );
      expect(denied.stderr).toMatch(/\n {2}Node's permission model is on/);
      expect(denied.stderr.match(/--allow-child-process/g)).toHaveLength(1);
      expect(denied.status).toBe(2);
    },
  );
});
