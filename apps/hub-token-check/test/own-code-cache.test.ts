import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { basename, join } from "node:path";
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
const MAGIC = "hub-token-check code cache 2\n";

/** A clone's layout, as the pre-commit framework has it: bin/ and the committed hook/dist/, no dist/. */
function cloneLayout(): string {
  const dir = tempDir("hub-token-check-clone-");
  for (const part of ["bin", "hook"]) cpSync(join(pkg, part), join(dir, part), { recursive: true });
  return dir;
}
const bundleOf = (dir: string) => join(dir, "hook", "dist", "hub-token-check.cjs");

type Run = { status: number | null; stdout: string; stderr: string };

/** A fresh repository with a staged token, and the command of a package layout run in it. */
function checker() {
  const repo = initRepo(tempDir());
  repo.write(
    "ansible.cfg",
    `[galaxy_server.hub]\nurl = https://hub.example.com/\ntoken = ${fakeHubToken("own-cache")}\n`,
  );
  repo.write("Containerfile", "FROM registry.redhat.io/ubi9\nARG ANSIBLE_GALAXY_SERVER_HUB_TOKEN\n");
  repo.git("add", "ansible.cfg", "Containerfile");
  // gitEnv turns the cache off for every other test; these turn it on, each with its own folder.
  const { HUB_TOKEN_CHECK_NO_CODE_CACHE: _off, ...base } = repo.env;
  const options = (env: Record<string, string>) => ({ cwd: repo.dir, env: { ...base, ...env } });
  const check = (dir: string, env: Record<string, string>, args: string[] = []): Run => {
    const script = join(dir, "bin", "hub-token-check.cjs");
    const run = spawnSync(process.execPath, [script, ...args], { ...options(env), encoding: "utf8" });
    return { status: run.status, stdout: normal(run.stdout, script), stderr: normal(run.stderr, script) };
  };
  /** `count` checks at once, as the pre-commit framework runs a hook over many files. */
  const checkAtOnce = (dir: string, env: Record<string, string>, count: number) =>
    Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<Run>((resolve) => {
            const child = spawn(process.execPath, [join(dir, "bin", "hub-token-check.cjs")], options(env));
            let stdout = "";
            let stderr = "";
            child.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString()));
            child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
            const script = join(dir, "bin", "hub-token-check.cjs");
            child.on("close", (status) =>
              resolve({ status, stdout: normal(stdout, script), stderr: normal(stderr, script) }),
            );
          }),
      ),
    );
  // The verdict every run must give, whatever happens to the cache.
  const expected = check(pkg, { HUB_TOKEN_CHECK_NO_CODE_CACHE: "1" });
  expect(expected.status).toBe(EXIT.FINDINGS);
  expect(expected.stdout).toContain("ansible.cfg:3:9: ");
  return { check, checkAtOnce, expected, cwd: repo.dir };
}

/**
 * Output with the command's own path put as <bin>: where hub-token-check is not on PATH, the closing
 * advice names the script that ran (a clone's or the package's).
 */
function normal(text: string, script: string): string {
  return text.split(script).join("<bin>");
}

/** Gives `path` to another user (root can here); false where that cannot be done (not root, a user namespace). */
function giveAway(path: string): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    chownSync(path, 65534, 65534);
    return true;
  } catch {
    return false;
  }
}

const caches = (folder: string) => (existsSync(folder) ? readdirSync(folder).sort() : []);

/** The one cache file in `folder`, its inode (a rewrite renames a new file over it) and bytes. */
function theCache(folder: string) {
  const names = caches(folder).filter((name) => name.endsWith(".v8-cache"));
  expect(names).toEqual([expect.stringMatching(/^[0-9a-f]{8}\.v8-cache$/)]);
  const file = join(folder, names[0] ?? "");
  const { ino, mtimeMs } = statSync(file);
  return { file, ino, mtimeMs, bytes: readFileSync(file) };
}

/** The cache's payload (V8's part) replaced by garbage, its header and bundle bytes kept: V8 refuses it. */
function spoilPayload(file: string, bundle: string): void {
  const bytes = readFileSync(file);
  const bundleBytes = readFileSync(bundle);
  const start = bytes.indexOf(bundleBytes) + bundleBytes.length;
  expect(start).toBeGreaterThan(bundleBytes.length);
  writeFileSync(file, Buffer.concat([bytes.subarray(0, start), Buffer.alloc(4096, 7)]));
}

describe.skipIf(!git.available)("the code cache the command keeps for itself", () => {
  it("runs the committed hook copy in a clone, where nothing is built", () => {
    const { check, expected } = checker();
    expect(check(cloneLayout(), { HUB_TOKEN_CHECK_NO_CODE_CACHE: "1" })).toEqual(expected);
  });

  it("is written once, after the first check, private; later checks take it and write nothing", () => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const home = tempDir();
    const folder = join(home, ".cache", "hub-token-check");
    expect(check(dir, { HOME: home })).toEqual(expected);
    const first = theCache(folder);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    // It says what it is, holds the very bundle it was made from, and nothing of the files checked.
    expect(first.bytes.subarray(0, MAGIC.length).toString()).toBe(MAGIC);
    expect(first.bytes.includes(readFileSync(bundleOf(dir)))).toBe(true);
    expect(first.bytes.includes(Buffer.from(fakeHubToken("own-cache")))).toBe(false);
    for (let i = 0; i < 3; i++) expect(check(dir, { HOME: home })).toEqual(expected);
    // A refused cache is written anew (a new file renamed over it): the same file means V8 took it.
    const later = theCache(folder);
    expect([later.ino, later.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
    expect(later.bytes.equals(first.bytes)).toBe(true);
  });

  it("is never used for other code: a same-length edit of the bundle, its time put back", () => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const cacheHome = tempDir();
    const folder = join(cacheHome, "hub-token-check");
    expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    const before = theCache(folder);
    const bundle = bundleOf(dir);
    const { atime, mtime } = statSync(bundle);
    const text = readFileSync(bundle, "utf8");
    expect(text).toContain("plaintext secret");
    writeFileSync(bundle, text.replaceAll("plaintext secret", "PLAINTEXT SECRET"));
    utimesSync(bundle, atime, mtime);
    const edited = check(dir, { XDG_CACHE_HOME: cacheHome });
    expect(edited.stdout).toContain("PLAINTEXT SECRET");
    expect(edited.status).toBe(EXIT.FINDINGS);
    // …and one for the edited bundle replaced it.
    const after = theCache(folder);
    expect(after.ino).not.toBe(before.ino);
    expect(after.bytes.includes(Buffer.from("PLAINTEXT SECRET"))).toBe(true);
  });

  it("is replaced when V8 refuses it or it was written for another key, and the check says the same", () => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const cacheHome = tempDir();
    const folder = join(cacheHome, "hub-token-check");
    check(dir, { XDG_CACHE_HOME: cacheHome });
    const { file } = theCache(folder);
    spoilPayload(file, bundleOf(dir));
    const spoiled = statSync(file).ino;
    expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    const replaced = theCache(folder);
    expect(replaced.ino).not.toBe(spoiled);
    // …with one V8 takes: the next check leaves it be.
    expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    expect(theCache(folder).ino).toBe(replaced.ino);
    // A good cache under this file's name whose header names another Node (of the same length, so
    // that only the key can tell): not used, rewritten.
    const otherVersion = process.version.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
    const otherKey = Buffer.from(
      replaced.bytes.toString("latin1").replace(process.version, otherVersion),
      "latin1",
    );
    writeFileSync(file, otherKey);
    const planted = statSync(file).ino;
    expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    expect(theCache(folder).ino).not.toBe(planted);
    // Other Node flags: another cache beside it (V8 refuses a cache made under other flags).
    expect(check(dir, { XDG_CACHE_HOME: cacheHome, NODE_OPTIONS: "--max-old-space-size=300" })).toEqual(
      expected,
    );
    expect(caches(folder).filter((name) => name.endsWith(".v8-cache"))).toHaveLength(2);
  });

  it("never runs a cache from a folder or file that someone else could have written", () => {
    const { check, expected } = checker();
    // What an attacker could plant: the code cache of another bundle of the same length (V8 checks
    // only the length), behind the header and bytes of ours. From a private folder V8 would run it.
    const other = cloneLayout();
    const text = readFileSync(bundleOf(other), "utf8");
    writeFileSync(bundleOf(other), text.replaceAll("plaintext secret", "PLANTED!! secret"));
    const otherHome = tempDir();
    check(other, { XDG_CACHE_HOME: otherHome });
    const otherBytes = theCache(join(otherHome, "hub-token-check")).bytes;
    const dir = cloneLayout();
    const cacheHome = tempDir();
    const folder = join(cacheHome, "hub-token-check");
    check(dir, { XDG_CACHE_HOME: cacheHome });
    const ours = theCache(folder);
    const bundleBytes = readFileSync(bundleOf(dir));
    const split = (bytes: Buffer) => bytes.indexOf(bundleBytes.subarray(0, 200)) + bundleBytes.length;
    const planted = Buffer.concat([
      ours.bytes.subarray(0, split(ours.bytes)),
      otherBytes.subarray(split(otherBytes)),
    ]);
    const plant = (mode: number) => {
      writeFileSync(ours.file, planted);
      chmodSync(ours.file, mode);
    };
    // The folder others can write: not read, and nothing written there.
    plant(0o600);
    chmodSync(folder, 0o777);
    expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    expect(caches(folder)).toEqual([basename(ours.file)]);
    expect(readFileSync(ours.file).equals(planted)).toBe(true);
    chmodSync(folder, 0o700);
    // The file others can write, in a private folder: not read (and replaced by one of ours).
    plant(0o666);
    expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    // Another user's folder, or file (root can make them here): not read.
    plant(0o600);
    if (giveAway(folder)) {
      expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected);
      expect(readFileSync(ours.file).equals(planted)).toBe(true);
      chownSync(folder, 0, 0);
    }
    plant(0o600);
    if (giveAway(ours.file)) {
      expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected);
      expect(readFileSync(ours.file).equals(planted)).toBe(false);
    }
    // The control: the same planted file, private in a private folder, is run — which is why the
    // checks above are there.
    plant(0o600);
    expect(check(dir, { XDG_CACHE_HOME: cacheHome }).stdout).toContain("PLANTED!! secret");
  });

  it("ignores a relative XDG_CACHE_HOME (the XDG rule), using ~/.cache instead", () => {
    const { check, expected, cwd } = checker();
    const dir = cloneLayout();
    const home = tempDir();
    expect(check(dir, { HOME: home, XDG_CACHE_HOME: "relative-cache" })).toEqual(expected);
    theCache(join(home, ".cache", "hub-token-check"));
    expect(check(dir, { HOME: "relative-home" })).toEqual(expected);
    for (const where of [dir, cwd]) {
      expect(existsSync(join(where, "relative-cache"))).toBe(false);
      expect(existsSync(join(where, "relative-home"))).toBe(false);
    }
  });

  it("is not written for --help, --version, install, or when turned off; a path after -- is a check", () => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const cacheHome = tempDir();
    const folder = join(cacheHome, "hub-token-check");
    for (const args of [["--version"], ["-V"], ["-h"], ["-Vh"], ["--help"], ["install"]]) {
      check(dir, { XDG_CACHE_HOME: cacheHome }, args);
    }
    expect(check(dir, { XDG_CACHE_HOME: cacheHome, HUB_TOKEN_CHECK_NO_CODE_CACHE: "1" })).toEqual(expected);
    expect(caches(folder)).toEqual([]);
    expect(check(dir, { XDG_CACHE_HOME: cacheHome }, ["--", "ansible.cfg"]).status).toBe(EXIT.FINDINGS);
    theCache(folder);
  });

  it("is not written after a usage error or a crash, only after a verdict", () => {
    const { check } = checker();
    const dir = cloneLayout();
    const cacheHome = tempDir();
    const folder = join(cacheHome, "hub-token-check");
    expect(check(dir, { XDG_CACHE_HOME: cacheHome }, ["--bogus"]).status).toBe(EXIT.ERROR);
    expect(caches(folder)).toEqual([]);
    // A bundle that crashes after it set a clean exit code: node exits 1, and nothing is written.
    writeFileSync(
      bundleOf(dir),
      'process.exitCode = 0;\nsetImmediate(() => { throw new Error("boom"); });\n',
    );
    const crashed = check(dir, { XDG_CACHE_HOME: cacheHome });
    expect(crashed.status).toBe(1);
    expect(crashed.stderr).toContain("boom");
    expect(caches(folder)).toEqual([]);
    // The same bundle without the crash: written.
    writeFileSync(bundleOf(dir), "process.exitCode = 0;\n");
    expect(check(dir, { XDG_CACHE_HOME: cacheHome }).status).toBe(0);
    theCache(folder);
  });

  it("stays one whole file when several checks start at once", async () => {
    const { checkAtOnce, expected } = checker();
    const dir = cloneLayout();
    const cacheHome = tempDir();
    const folder = join(cacheHome, "hub-token-check");
    const runs = await checkAtOnce(dir, { XDG_CACHE_HOME: cacheHome }, 4);
    for (const run of runs) expect(run).toEqual(expected);
    theCache(folder);
    expect(caches(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    for (const run of await checkAtOnce(dir, { XDG_CACHE_HOME: cacheHome }, 4)) expect(run).toEqual(expected);
  });

  it("keeps the newest eight caches, removes temp files a killed run left, and nothing else", () => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const cacheHome = tempDir();
    const folder = join(cacheHome, "hub-token-check");
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const old = (name: string, day: number) => {
      writeFileSync(join(folder, name), "old");
      utimesSync(join(folder, name), new Date(2021, 0, day), new Date(2021, 0, day));
    };
    for (let i = 0; i < 10; i++) old(`0000000${i}.v8-cache`, 1 + i);
    old("00000000.v8-cache.123-abc.tmp", 1);
    writeFileSync(join(folder, "00000001.v8-cache.456-def.tmp"), "a write in progress");
    writeFileSync(join(folder, "notes.txt"), "not ours");
    expect(check(dir, { XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    const left = caches(folder);
    expect(left.filter((name) => name.endsWith(".v8-cache"))).toHaveLength(8);
    // The newest seven of the old ten, and the one just written.
    for (let i = 3; i < 10; i++) expect(left).toContain(`0000000${i}.v8-cache`);
    expect(left).not.toContain("00000000.v8-cache.123-abc.tmp");
    expect(left).toContain("00000001.v8-cache.456-def.tmp");
    expect(left).toContain("notes.txt");
  });

  it("makes no folder in another user's tree (root run with that user's HOME)", (context) => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const home = tempDir();
    if (!giveAway(home)) {
      console.warn("[skip] making a folder another user's needs root that can chown (CI runs as root)");
      context.skip();
    }
    expect(check(dir, { HOME: home })).toEqual(expected);
    expect(existsSync(join(home, ".cache"))).toBe(false);
  });

  it("changes nothing when it cannot be written (the cache folder is a file)", () => {
    const { check, expected } = checker();
    const dir = cloneLayout();
    const notAFolder = join(tempDir(), "file");
    writeFileSync(notAFolder, "");
    expect(check(dir, { XDG_CACHE_HOME: notAFolder })).toEqual(expected);
    expect(check(dir, { HOME: notAFolder })).toEqual(expected);
    expect(readFileSync(notAFolder, "utf8")).toBe("");
  });

  it("is not written where the shipped cache is taken (npm's install on the Node that built it)", () => {
    const { check, expected } = checker();
    const home = tempDir();
    expect(check(pkg, { HOME: home })).toEqual(expected);
    expect(caches(join(home, ".cache", "hub-token-check"))).toEqual([]);
  });
});
