import { spawnSync } from "node:child_process";
import { cpSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { fakeHubToken } from "./support/fake-tokens.js";
import { initRepo } from "./support/git-repo.js";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const bundle = join(pkg, "dist", "hub-token-check.cjs");
const cache = `${bundle}.v8-cache`;
const launcher = join(pkg, "bin", "hub-token-check.cjs");
const git = requireTool("git");

/** What V8 says of `cacheFile` for `bundleFile`, asked in a fresh node with a bare environment. */
function rejected(bundleFile: string, cacheFile: string): string {
  const run = spawnSync(
    process.execPath,
    [
      "-e",
      `const { compileBundle } = require(${JSON.stringify(launcher)});
       process.stdout.write(String(compileBundle(${JSON.stringify(bundleFile)}, ${JSON.stringify(cacheFile)}).rejected));`,
    ],
    { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } },
  );
  expect(run.stderr).toBe("");
  return run.stdout;
}

/** A copy of the package's bin/ and dist/ (as npm installs them), whose cache a test may change. */
function packageCopy(): string {
  const dir = tempDir("hub-token-check-copy-");
  cpSync(join(pkg, "bin"), join(dir, "bin"), { recursive: true });
  cpSync(join(pkg, "dist"), join(dir, "dist"), { recursive: true });
  return dir;
}

describe("the V8 code cache the installed command runs the checker with", () => {
  // The build makes it by running the checker on a staged commit: without git there is none.
  it.skipIf(!git.available)("is made by the build, and V8 takes it", () => {
    expect(existsSync(cache)).toBe(true);
    expect(rejected(bundle, cache)).toBe("false");
  });

  it.skipIf(!git.available)("is refused, not misused, for a bundle it was not made from", () => {
    const dir = packageCopy();
    const other = join(dir, "dist", "other.cjs");
    writeFileSync(other, `"use strict";\nmodule.exports = 1;\n`);
    expect(rejected(other, cache)).toBe("true");
  });

  it.skipIf(!git.available)(
    "changes nothing a check reports: with it, without it, and with one V8 refuses",
    () => {
      const repo = initRepo(tempDir());
      repo.write(
        "ansible.cfg",
        `[galaxy_server.hub]\nurl = https://hub.example.com/\ntoken = ${fakeHubToken("cache")}\n`,
      );
      repo.write("Containerfile", "FROM registry.redhat.io/ubi9\nARG ANSIBLE_GALAXY_SERVER_HUB_TOKEN\n");
      repo.git("add", "ansible.cfg", "Containerfile");
      const dir = packageCopy();
      const check = () =>
        spawnSync(process.execPath, [join(dir, "bin", "hub-token-check.cjs")], {
          cwd: repo.dir,
          env: repo.env,
          encoding: "utf8",
        });
      const withCache = check();
      expect(withCache.status).toBe(EXIT.FINDINGS);
      expect(withCache.stdout).toContain("ansible.cfg:3:9: ");
      expect(withCache.stderr).toBe("");

      rmSync(join(dir, "dist", "hub-token-check.cjs.v8-cache"));
      const without = check();
      expect([without.status, without.stdout, without.stderr]).toEqual([
        withCache.status,
        withCache.stdout,
        withCache.stderr,
      ]);

      writeFileSync(join(dir, "dist", "hub-token-check.cjs.v8-cache"), Buffer.alloc(4096, 7));
      expect(
        rejected(join(dir, "dist", "hub-token-check.cjs"), join(dir, "dist", "hub-token-check.cjs.v8-cache")),
      ).toBe("true");
      const refused = check();
      expect([refused.status, refused.stdout, refused.stderr]).toEqual([
        withCache.status,
        withCache.stdout,
        withCache.stderr,
      ]);
    },
  );

  it("is not there to run: without the bundle, the command says to build it (exit 70)", () => {
    const dir = packageCopy();
    rmSync(join(dir, "dist"), { recursive: true });
    const run = spawnSync(process.execPath, [join(dir, "bin", "hub-token-check.cjs")], { encoding: "utf8" });
    expect(run.stderr).toContain("hub-token-check is not built yet");
    expect(run.status).toBe(70);
  });
});
