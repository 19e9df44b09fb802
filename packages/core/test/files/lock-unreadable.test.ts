// A `<file>.lock` that exists but cannot be read (a folder, a dangling link, a file we may not read) must
// end in CONFIG_LOCKED after the wait, with a pause between attempts, saying what to do, and must leave no
// temp file behind. It used to retry at once, forever, at 100% CPU.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  watch,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir } from "@hub-setup/test-utils";
import { HubSetupError } from "../../src/errors.js";
import { writeFileAtomic } from "../../src/node/files/atomic-write.js";
import { acquireConfigLock, releaseConfigLock } from "../../src/node/files/config-lock.js";

const here = dirname(fileURLToPath(import.meta.url));
const builtLock = join(here, "..", "..", "dist", "node", "files", "config-lock.js");
const temps = (dir: string): string[] => readdirSync(dir).filter((n) => n.includes(".hub-setup-tmp-"));

/**
 * core's dist/ copied to a fresh temp folder anyone may read (mkdtemp makes it 0700), with the
 * package.json that makes its .js files ES modules: the copy of config-lock.js to import.
 */
function readableCopyOfBuiltLock(): string {
  const copy = tempDir("hub-setup-core-dist-");
  chmodSync(copy, 0o755);
  cpSync(join(here, "..", "..", "dist"), join(copy, "dist"), { recursive: true });
  writeFileSync(join(copy, "package.json"), '{ "type": "module" }\n');
  return join(copy, relative(join(here, "..", ".."), builtLock));
}

/** The acquisition's failure; fails the test (instead of hanging it) if it has not ended after 3 s (the test times out at 5). */
async function failureOf(acquire: Promise<unknown>): Promise<HubSetupError> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<"hung">((resolve) => {
    timer = setTimeout(() => resolve("hung"), 3_000);
  });
  const outcome = await Promise.race([
    acquire.then(
      () => "acquired",
      (e: unknown) => e,
    ),
    guard,
  ]);
  clearTimeout(timer);
  if (outcome === "hung") throw new Error("acquireConfigLock was still retrying after 3 s: no deadline");
  if (!(outcome instanceof HubSetupError)) throw new Error(`expected CONFIG_LOCKED, got ${String(outcome)}`);
  return outcome;
}

function expectUnreadable(e: { code: string; message: string; hint?: string }, file: string, why: RegExp) {
  expect(e.code).toBe("CONFIG_LOCKED");
  expect(e.message).toMatch(
    new RegExp(`^cannot read the lock ${file}\\.lock: .+; another program may be writing ${file}`),
  );
  expect(e.message).toMatch(why);
  expect(e.hint).toMatch(/no hub-setup is running/);
  expect(e.hint).toContain(`${file}.lock`);
}

describe("acquireConfigLock when the lock exists but cannot be read", () => {
  it("a folder in the lock's place: CONFIG_LOCKED after the wait, no temp file left", async () => {
    const dir = tempDir();
    const file = join(dir, "ansible.cfg");
    mkdirSync(`${file}.lock`);
    const e = await failureOf(acquireConfigLock(file, { waitMs: 200 }));
    expectUnreadable(e, file, /it is a folder/);
    expect(e.hint).toMatch(/rm -r/);
    expect(temps(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual(["ansible.cfg.lock"]);
  });

  it("a dangling symbolic link in the lock's place: CONFIG_LOCKED, not an endless 'released meanwhile'", async () => {
    const dir = tempDir();
    const file = join(dir, "ansible.cfg");
    symlinkSync(join(dir, "nowhere"), `${file}.lock`);
    const e = await failureOf(acquireConfigLock(file, { waitMs: 200 }));
    expectUnreadable(e, file, /a symbolic link to a missing file/);
    expect(temps(dir)).toEqual([]);
  });

  it("pauses between attempts while it waits instead of spinning", async () => {
    const dir = tempDir();
    const file = join(dir, "ansible.cfg");
    mkdirSync(`${file}.lock`);
    // Every attempt creates a uniquely named temp lock; the folder watch sees each name appear.
    const attempts = new Set<string>();
    const watcher = watch(dir, (_event, name) => {
      if (name != null && name.includes(".hub-setup-tmp-")) attempts.add(name);
    });
    try {
      await failureOf(acquireConfigLock(file, { waitMs: 400 }));
      await new Promise((r) => setTimeout(r, 50)); // let the last events arrive
    } finally {
      watcher.close();
    }
    expect(attempts.size).toBeGreaterThanOrEqual(1);
    // At least 20 ms between attempts: at most 400/20 + 1, where a spinning loop makes thousands.
    expect(attempts.size).toBeLessThanOrEqual(21);
  });

  it("writeFileAtomic reports it and leaves the file and the folder as they were", async () => {
    const dir = tempDir();
    const file = join(dir, "ansible.cfg");
    writeFileSync(file, "[galaxy]\n");
    mkdirSync(`${file}.lock`);
    const e = await failureOf(writeFileAtomic(file, "[galaxy]\nserver_list = x\n", { lockWaitMs: 200 }));
    expectUnreadable(e, file, /it is a folder/);
    expect(readFileSync(file, "utf8")).toBe("[galaxy]\n");
    expect(readdirSync(dir).sort()).toEqual(["ansible.cfg", "ansible.cfg.lock"]);
  });

  it("a readable lock is still waited for and then taken once released", async () => {
    const dir = tempDir();
    const file = join(dir, "ansible.cfg");
    const first = await acquireConfigLock(file);
    const second = acquireConfigLock(file, { waitMs: 5_000 });
    await new Promise((r) => setTimeout(r, 60));
    await releaseConfigLock(first);
    const lock = await second;
    expect(readFileSync(lock.path, "utf8")).toBe(lock.token);
    await releaseConfigLock(lock);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("acquireConfigLock when reading the lock is denied (EACCES)", () => {
  it("CONFIG_LOCKED with 'permission denied' after the wait, no temp file left", async () => {
    const dir = tempDir();
    const file = join(dir, "ansible.cfg");
    writeFileSync(`${file}.lock`, `1 elsewhere 2024-01-01T00:00:00Z abc\n`, { mode: 0o600 });
    const uid = process.getuid?.();
    let failure: { code: string; message: string; hint?: string };
    if (uid !== 0) {
      chmodSync(`${file}.lock`, 0o000);
      failure = await failureOf(acquireConfigLock(file, { waitMs: 200 }));
    } else {
      // Root reads any file, so the attempt runs as `nobody` (uid 65534) in a folder it owns, against a
      // lock root owns: the child uses the built module (npm test builds before testing). `nobody` may
      // not reach the checkout (a clone inside a 0700 folder), so it gets its own readable copy of dist/.
      if (!existsSync(builtLock)) throw new Error(`${builtLock} is missing: run npx turbo run build`);
      const lockModule = readableCopyOfBuiltLock();
      chownSync(dir, 65534, 65534);
      const script = `
        const { acquireConfigLock } = await import(${JSON.stringify(pathToFileURL(lockModule).href)});
        try { await acquireConfigLock(process.argv[1], { waitMs: 200 }); console.log("{}"); }
        catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message, hint: e.hint })); }`;
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", script, file], {
        uid: 65534,
        gid: 65534,
        encoding: "utf8",
        timeout: 3_000,
      });
      if (child.status !== 0) {
        throw new Error(
          `the child did not finish (${child.signal ?? child.status}): no deadline?\n${child.stderr}`,
        );
      }
      failure = JSON.parse(child.stdout) as typeof failure;
    }
    expectUnreadable(failure, file, /permission denied/);
    expect(temps(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual(["ansible.cfg.lock"]);
  });
});
