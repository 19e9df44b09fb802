import {
  chmodSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  mkdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { spawnSync } from "node:child_process";
import { constants, openSync, closeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "@hub-setup/test-utils";
import { HubSetupError } from "../../errors.js";
import { writeFileAtomic } from "./atomic-write.js";
import { readConfigFile } from "./read-config.js";

async function rejection(p: Promise<unknown>): Promise<HubSetupError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HubSetupError) return e;
    throw e;
  }
  throw new Error("expected a HubSetupError");
}

const leftovers = (dir: string): string[] =>
  readdirSync(dir).filter((n) => n.includes("tmp") || n.endsWith(".lock"));

describe("readConfigFile", () => {
  it("returns undefined for a missing file, and text plus snapshot otherwise", async () => {
    const dir = tempDir();
    expect(await readConfigFile(join(dir, "none.cfg"))).toBeUndefined();
    writeFileSync(join(dir, "a.cfg"), "[a]\nk = v\n");
    const r = await readConfigFile(join(dir, "a.cfg"));
    expect(r?.text).toBe("[a]\nk = v\n");
    expect(r?.snapshot).toMatchObject({
      size: 10,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
  });

  it("decodes non-UTF-8 bytes and a BOM the way Ansible does, and writes them back unchanged", async () => {
    const dir = tempDir();
    const path = join(dir, "a.cfg");
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x5b, 0x61, 0x5d, 0x0a, 0x6b, 0x3d, 0xe9, 0xff, 0x0a]);
    writeFileSync(path, bytes);
    const r = await readConfigFile(path);
    expect(r?.text).toBe("\ufeff[a]\nk=\udce9\udcff\n");
    await writeFileAtomic(path, r?.text ?? "", { backup: false });
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("refuses a folder with a typed error", async () => {
    expect((await rejection(readConfigFile(tempDir()))).code).toBe("CONFIG_NOT_FOUND");
  });

  it("refuses a FIFO at once, saying it is not a regular file, instead of waiting for a writer", async () => {
    const fifo = join(tempDir(), "ansible.cfg");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const read = readConfigFile(fifo).then(
      () => undefined,
      (e: unknown) => e,
    );
    const early = await Promise.race([read, new Promise((r) => setTimeout(() => r("pending"), 1_000))]);
    // A reader still blocked in open() is released by a writer that opens and closes the other end.
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // ENXIO: nobody has it open for reading, as it should be.
    }
    expect(early, "readConfigFile waited on the FIFO").not.toBe("pending");
    const error = await read;
    expect(error).toBeInstanceOf(HubSetupError);
    expect((error as HubSetupError).code).toBe("CONFIG_NOT_FOUND");
    expect((error as HubSetupError).message).toBe(`cannot read ${fifo}: not a regular file (a FIFO)`);
  });
});

describe("writeFileAtomic", () => {
  it("creates a new file (0644 by default, or the mode asked) and leaves nothing else behind", async () => {
    const dir = tempDir();
    const r = await writeFileAtomic(join(dir, "ansible.cfg"), "[a]\n", { expected: "absent" });
    expect(r).toEqual({});
    expect(readFileSync(join(dir, "ansible.cfg"), "utf8")).toBe("[a]\n");
    expect(statSync(join(dir, "ansible.cfg")).mode & 0o777).toBe(0o644);
    await writeFileAtomic(join(dir, "secret.cfg"), "[a]\n", { mode: 0o600 });
    expect(statSync(join(dir, "secret.cfg")).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(["ansible.cfg", "secret.cfg"]);
  });

  it("keeps the mode and a .bak of the previous content (mode 0600: it may hold a token)", async () => {
    const dir = tempDir();
    const path = join(dir, "ansible.cfg");
    writeFileSync(path, "old\n");
    chmodSync(path, 0o640);
    const read = await readConfigFile(path);
    const r = await writeFileAtomic(path, "new\n", read === undefined ? {} : { expected: read.snapshot });
    expect(r.backupPath).toBe(`${path}.bak`);
    expect(readFileSync(path, "utf8")).toBe("new\n");
    expect(readFileSync(`${path}.bak`, "utf8")).toBe("old\n");
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(statSync(`${path}.bak`).mode & 0o777).toBe(0o600);
    expect(leftovers(dir)).toEqual([]);
    await writeFileAtomic(path, "newer\n", { backup: false });
    expect(readFileSync(`${path}.bak`, "utf8")).toBe("old\n");
  });

  it("puts the backup where `backupPath` says (0600), and nothing beside the file", async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    const path = join(dir, "ansible.cfg");
    writeFileSync(path, "old\n");
    const r = await writeFileAtomic(path, "new\n", { backupPath: join(elsewhere, "ansible.cfg.bak") });
    expect(r.backupPath).toBe(join(elsewhere, "ansible.cfg.bak"));
    expect(readFileSync(join(elsewhere, "ansible.cfg.bak"), "utf8")).toBe("old\n");
    expect(statSync(join(elsewhere, "ansible.cfg.bak")).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["ansible.cfg"]);
    expect(readdirSync(elsewhere)).toEqual(["ansible.cfg.bak"]);
  });

  it("writes through a symlink to its target, keeping the link", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "dotfiles"));
    writeFileSync(join(dir, "dotfiles", "ansible.cfg"), "old\n");
    symlinkSync("dotfiles/ansible.cfg", join(dir, "ansible.cfg"));
    const r = await writeFileAtomic(join(dir, "ansible.cfg"), "new\n");
    expect(lstatSync(join(dir, "ansible.cfg")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "ansible.cfg"))).toBe("dotfiles/ansible.cfg");
    expect(readFileSync(join(dir, "dotfiles", "ansible.cfg"), "utf8")).toBe("new\n");
    expect(r.backupPath).toBe(join(dir, "dotfiles", "ansible.cfg.bak"));
  });

  it("refuses with CONFIG_CHANGED_ON_DISK when the file changed, appeared or vanished since it was read", async () => {
    const dir = tempDir();
    const path = join(dir, "ansible.cfg");
    writeFileSync(path, "v1\n");
    const read = await readConfigFile(path);
    if (read === undefined) throw new Error("unreadable");
    writeFileSync(path, "v2 by an editor\n");
    const e = await rejection(writeFileAtomic(path, "ours\n", { expected: read.snapshot }));
    expect(e.code).toBe("CONFIG_CHANGED_ON_DISK");
    expect(e.message).toMatch(/changed since it was read; nothing was written/);
    expect(readFileSync(path, "utf8")).toBe("v2 by an editor\n");
    expect((await rejection(writeFileAtomic(path, "ours\n", { expected: "absent" }))).code).toBe(
      "CONFIG_CHANGED_ON_DISK",
    );
    expect(
      (await rejection(writeFileAtomic(join(dir, "gone.cfg"), "x", { expected: read.snapshot }))).code,
    ).toBe("CONFIG_CHANGED_ON_DISK");
    expect(existsSync(`${path}.bak`)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it("an unchanged file passes even if only its mtime moved", async () => {
    const dir = tempDir();
    const path = join(dir, "ansible.cfg");
    writeFileSync(path, "same\n");
    const read = await readConfigFile(path);
    writeFileSync(path, "same\n");
    await writeFileAtomic(path, "new\n", read === undefined ? {} : { expected: read.snapshot });
    expect(readFileSync(path, "utf8")).toBe("new\n");
  });

  it("CONFIG_LOCKED while a live process holds the lock; a dead holder's lock and temp files are cleared", async () => {
    const dir = tempDir();
    const path = join(dir, "ansible.cfg");
    writeFileSync(path, "old\n");
    writeFileSync(`${path}.lock`, `${process.pid} ${hostname()} now x\n`);
    const e = await rejection(writeFileAtomic(path, "new\n", { lockWaitMs: 50 }));
    expect(e.code).toBe("CONFIG_LOCKED");
    expect(e.hint).toContain(`${path}.lock`);
    expect(readFileSync(path, "utf8")).toBe("old\n");

    const deadPid = 2 ** 22 + 12345; // above pid_max on Linux: never a live process
    writeFileSync(`${path}.lock`, `${deadPid} ${hostname()} then x\n`);
    writeFileSync(join(dir, `.ansible.cfg.hub-setup-tmp-${deadPid}-abc`), "half a fi");
    await writeFileAtomic(path, "new\n", { lockWaitMs: 50 });
    expect(readFileSync(path, "utf8")).toBe("new\n");
    expect(leftovers(dir)).toEqual([]);
  });

  it("serialises concurrent writers: each write is whole, and .bak holds a whole earlier version", async () => {
    const dir = tempDir();
    const path = join(dir, "ansible.cfg");
    const version = (i: number): string => `[v]\nn = ${i}\n${"x".repeat(20_000 + i)}\n`;
    writeFileSync(path, version(0));
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => writeFileAtomic(path, version(i + 1), { lockWaitMs: 10_000 })),
    );
    const final = readFileSync(path, "utf8");
    const bak = readFileSync(`${path}.bak`, "utf8");
    const n = Number(/n = (\d+)/.exec(final)?.[1]);
    const m = Number(/n = (\d+)/.exec(bak)?.[1]);
    expect(final).toBe(version(n));
    expect(bak).toBe(version(m));
    expect(m).not.toBe(n);
    expect(leftovers(dir)).toEqual([]);
  });

  it("removes its temp file when writing fails after the temp file was created", async () => {
    const dir = tempDir();
    const path = join(dir, "ansible.cfg");
    writeFileSync(path, "old\n");
    // Not bytes: the temp file is open when writing it throws.
    await expect(writeFileAtomic(path, 42 as unknown as Uint8Array, { backup: false })).rejects.toThrow();
    expect(readFileSync(path, "utf8")).toBe("old\n");
    expect(leftovers(dir)).toEqual([]);
  });

  it("says so when the folder does not exist", async () => {
    const e = await rejection(writeFileAtomic(join(tempDir(), "no", "ansible.cfg"), "x"));
    expect(e.code).toBe("CONFIG_NOT_FOUND");
    expect(e.message).toMatch(/the folder .*\/no does not exist/);
  });

  it("fails cleanly when the path is a folder", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "ansible.cfg"));
    await expect(writeFileAtomic(join(dir, "ansible.cfg"), "x", { backup: false })).rejects.toThrow();
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("writeFileAtomic where writing is denied", () => {
  // Root bypasses file modes, so the test needs a folder the kernel refuses even to root: sysfs.
  let deniedEvenToRoot = false;
  try {
    writeFileSync("/sys/.hub-setup-probe", "");
  } catch (error) {
    deniedEvenToRoot = (error as NodeJS.ErrnoException).code === "EACCES";
  }
  if (!deniedEvenToRoot)
    console.warn("[skip] /sys does not refuse writes here, so EACCES cannot be provoked");

  it.skipIf(!deniedEvenToRoot)("says CONFIG_NOT_WRITABLE with what to do, not a raw EACCES", async () => {
    const failure = await writeFileAtomic("/sys/ansible.cfg", "[galaxy]\n").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HubSetupError);
    expect(failure).toMatchObject({ code: "CONFIG_NOT_WRITABLE" });
    expect((failure as HubSetupError).message).toBe(
      "cannot write /sys/ansible.cfg: permission denied; nothing was written.",
    );
    expect((failure as HubSetupError).hint).toMatch(/Choose a file you own/);
  });
});
