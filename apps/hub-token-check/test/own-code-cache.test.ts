import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { fakeHubToken } from "./support/fake-tokens.js";
import { initRepo } from "./support/git-repo.js";

// The code cache the command writes itself (bin/hub-token-check.cjs) wherever V8 takes no cache it was
// given: the pre-commit framework's clone of this repository (bin/ runs the committed hook/dist/ copy,
// which has none) and an npm install on another Node than the one that built the package.

const pkg = fileURLToPath(new URL("..", import.meta.url));
const git = requireTool("git");

/** A clone's layout, as the pre-commit framework has it: bin/ and the committed hook/dist/, no dist/. */
function cloneLayout(): string {
  const dir = tempDir("hub-token-check-clone-");
  for (const part of ["bin", "hook"]) cpSync(join(pkg, part), join(dir, part), { recursive: true });
  return dir;
}

function stagedRepo() {
  const repo = initRepo(tempDir());
  repo.write(
    "ansible.cfg",
    `[galaxy_server.hub]\nurl = https://hub.example.com/\ntoken = ${fakeHubToken("own-cache")}\n`,
  );
  repo.write("Containerfile", "FROM registry.redhat.io/ubi9\nARG ANSIBLE_GALAXY_SERVER_HUB_TOKEN\n");
  repo.git("add", "ansible.cfg", "Containerfile");
  return repo;
}

type Run = { status: number | null; stdout: string; stderr: string };

/** Runs the command of package layout `dir` in a fresh repository with a staged token. */
function checker() {
  const repo = stagedRepo();
  const check = (dir: string, env: Record<string, string>, args: string[] = []): Run => {
    const run = spawnSync(process.execPath, [join(dir, "bin", "hub-token-check.cjs"), ...args], {
      cwd: repo.dir,
      env: { ...repo.env, ...env },
      encoding: "utf8",
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  // The verdict every run must give, whatever happens to the cache.
  const expected = check(pkg, { HUB_TOKEN_CHECK_NO_CODE_CACHE: "1" });
  expect(expected.status).toBe(EXIT.FINDINGS);
  return { check, expected: () => expected };
}

const caches = (folder: string) => (existsSync(folder) ? readdirSync(folder).sort() : []);

describe.skipIf(!git.available)("the code cache the command keeps for itself", () => {
  it("runs the committed hook copy in a clone, where nothing is built", () => {
    const { check, expected } = checker();
    const run = check(cloneLayout(), { HUB_TOKEN_CHECK_NO_CODE_CACHE: "1" });
    expect(run).toEqual(expected());
    expect(run.status).toBe(EXIT.FINDINGS);
    expect(run.stdout).toContain("ansible.cfg:3:9: ");
  });

  it("is written once, after the first check, private; later checks take it and write nothing", () => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const home = tempDir();
    const folder = join(home, ".cache", "hub-token-check");
    const first = check(dir, { HOME: home });
    expect(first).toEqual(expected());
    const [name] = caches(folder);
    expect(caches(folder)).toEqual([expect.stringMatching(/^[0-9a-f]{8}\.v8-cache$/)]);
    const file = join(folder, name ?? "");
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // It names what it is for, and holds compiled code of our bundle, never the files checked.
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 29).toString()).toBe("hub-token-check code cache 1\n");
    expect(bytes.includes(Buffer.from(fakeHubToken("own-cache")))).toBe(false);
    const before = statSync(file);
    for (let i = 0; i < 3; i++) expect(check(dir, { HOME: home })).toEqual(expected());
    // A refused cache is written anew (a new file renamed over it): the same inode means V8 took it.
    const after = statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(caches(folder)).toEqual([name]);
  });

  it("is replaced when V8 refuses it, and the check says the same", () => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const cacheHome = tempDir();
    const folder = join(cacheHome, "hub-token-check");
    check(dir, { XDG_CACHE_HOME: cacheHome });
    const [name] = caches(folder);
    const file = join(folder, name ?? "");
    const good = readFileSync(file);
    // The right header over garbage: V8 refuses it.
    const header = good.subarray(0, good.indexOf("\n", 29) + 1);
    writeFileSync(file, Buffer.concat([header, Buffer.alloc(4096, 7)]));
    expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected());
    const rewritten = statSync(file);
    expect(readFileSync(file).subarray(header.length, header.length + 4096)).not.toEqual(
      Buffer.alloc(4096, 7),
    );
    // …with one V8 takes: the next check leaves it be.
    expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected());
    expect(statSync(file).ino).toBe(rewritten.ino);
    // Another bundle at the same path (an update): the key no longer matches, a second cache is written.
    const bundle = join(dir, "hook", "dist", "hub-token-check.cjs");
    utimesSync(bundle, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected());
    expect(caches(folder)).toHaveLength(2);
  });

  it("keeps the newest four caches and removes older ones", () => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const cacheHome = tempDir();
    const folder = join(cacheHome, "hub-token-check");
    check(dir, { XDG_CACHE_HOME: cacheHome, HUB_TOKEN_CHECK_NO_CODE_CACHE: "1" });
    expect(caches(folder)).toEqual([]);
    cpSync(tempDir(), folder, { recursive: true });
    for (let i = 0; i < 6; i++) {
      const old = join(folder, `0000000${i}.v8-cache`);
      writeFileSync(old, "old");
      utimesSync(old, new Date(2021, 0, 1 + i), new Date(2021, 0, 1 + i));
    }
    writeFileSync(join(folder, "notes.txt"), "not a cache");
    expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected());
    const left = caches(folder);
    expect(left).toHaveLength(5);
    expect(left).toContain("notes.txt");
    expect(left).toEqual(
      expect.arrayContaining(["00000005.v8-cache", "00000004.v8-cache", "00000003.v8-cache"]),
    );
  });

  it("is not written for --version, a usage error, or when turned off", () => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const cacheHome = tempDir();
    const folder = join(cacheHome, "hub-token-check");
    expect(check(dir, { XDG_CACHE_HOME: cacheHome }, ["--version"]).status).toBe(0);
    expect(check(dir, { XDG_CACHE_HOME: cacheHome }, ["--bogus"]).status).toBe(EXIT.ERROR);
    expect(check(dir, { XDG_CACHE_HOME: cacheHome, HUB_TOKEN_CHECK_NO_CODE_CACHE: "1" })).toEqual(expected());
    expect(caches(folder)).toEqual([]);
  });

  it("changes nothing when it cannot be written (the cache folder is a file)", () => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const notAFolder = join(tempDir(), "file");
    writeFileSync(notAFolder, "");
    expect(check(dir, { XDG_CACHE_HOME: notAFolder })).toEqual(expected());
    expect(check(dir, { HOME: notAFolder })).toEqual(expected());
    expect(readFileSync(notAFolder, "utf8")).toBe("");
  });

  it("is not written where the shipped cache is taken (npm's install on the Node that built it)", () => {
    const { check, expected } = checker();
    const home = tempDir();
    expect(check(pkg, { HOME: home })).toEqual(expected());
    expect(caches(join(home, ".cache", "hub-token-check"))).toEqual([]);
  });
});
