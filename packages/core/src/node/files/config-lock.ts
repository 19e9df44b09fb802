/**
 * `<file>.lock` beside a config file, so that two writers (two hub-setup runs, a wizard and a scheduled
 * job) cannot interleave. It holds "pid host time nonce" and appears with that content in one step (a
 * temp file hard-linked into place, which fails if the lock exists), so a writer killed at any moment
 * never leaves an empty lock nobody can judge. A lock whose process is gone (same host), or older than
 * `staleMs`, is taken over: renamed aside first, so that of two processes breaking it only one wins.
 * A lock that exists but cannot be read (a folder, a link to nothing, a file we may not read) is waited on
 * like a live one, with pauses, and ends in CONFIG_LOCKED after `waitMs` saying what stands there.
 */
import { randomBytes } from "node:crypto";
import { link, lstat, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { HubSetupError } from "../../errors.js";
import { errorCode } from "./read-config.js";

/** Marks our temp files (data and lock) so a later writer can sweep those of a dead process. */
export const TEMP_MARK = ".hub-setup-tmp-";

export type ConfigLock = { path: string; token: string };

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === "EPERM";
  }
}

async function isStale(path: string, content: string, staleMs: number): Promise<boolean> {
  const [pidText, host] = content.split(/\s+/);
  const pid = Number(pidText);
  if (host === hostname() && Number.isInteger(pid) && pid > 0 && !pidAlive(pid)) return true;
  const st = await stat(path).catch(() => undefined);
  if (st === undefined) return false;
  // Empty only in the O_EXCL fallback, for the instant between create and write.
  const limit = content === "" ? 5_000 : staleMs;
  return Date.now() - st.mtimeMs > limit;
}

/**
 * Moves a stale lock aside (named like our temp files, so a crash here leaves nothing unswept). True when
 * the lock seen is gone; false when it could not be moved or a fresh lock had replaced it meanwhile.
 */
async function breakLock(file: string, path: string, seen: string): Promise<boolean> {
  const aside = join(
    dirname(file),
    `.${basename(file)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString("hex")}.stale`,
  );
  try {
    await rename(path, aside);
  } catch {
    return false;
  }
  const moved = await readFile(aside, "utf8").catch(() => "");
  if (moved !== seen) await link(aside, path).catch(() => undefined); // a fresh lock: put it back
  await unlink(aside).catch(() => undefined);
  return moved === seen;
}

/** Creates the lock with its content in one step; false when it exists already. */
async function tryCreate(file: string, path: string, token: string): Promise<boolean> {
  const temp = join(
    dirname(file),
    `.${basename(file)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString("hex")}.lock`,
  );
  const handle = await open(temp, "wx", 0o600);
  try {
    try {
      await handle.writeFile(token);
    } finally {
      await handle.close();
    }
    return await linkIntoPlace(temp, path, token);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function linkIntoPlace(temp: string, path: string, token: string): Promise<boolean> {
  try {
    await link(temp, path);
    return true;
  } catch (e) {
    if (errorCode(e) === "EEXIST") return false;
  }
  // A file system without hard links: fall back to O_EXCL (content follows a moment later).
  const handle = await open(path, "wx", 0o600).catch((err: unknown) => {
    if (errorCode(err) === "EEXIST") return undefined;
    throw err;
  });
  if (handle === undefined) return false;
  try {
    await handle.writeFile(token);
  } catch (err) {
    await unlink(path).catch(() => undefined); // not an empty lock that blocks others for 5 s
    throw err;
  } finally {
    await handle.close();
  }
  return true;
}

type LockContent = { content: string } | { unreadable: string; folder: boolean };

/** What the existing lock holds; undefined when it was released meanwhile. */
async function readLock(path: string): Promise<LockContent | undefined> {
  try {
    return { content: await readFile(path, "utf8") };
  } catch (e) {
    const code = errorCode(e);
    if (code === "ENOENT") {
      // Released meanwhile, unless a link to a missing file stands there (it stays, and blocks the link()).
      const st = await lstat(path).catch(() => undefined);
      if (st?.isSymbolicLink() !== true) return undefined;
      return { unreadable: "it is a symbolic link to a missing file", folder: false };
    }
    if (code === "EISDIR") return { unreadable: "it is a folder, not a file", folder: true };
    if (code === "EACCES" || code === "EPERM") return { unreadable: "permission denied", folder: false };
    if (code === "ELOOP") return { unreadable: "too many levels of symbolic links", folder: false };
    return { unreadable: code ?? String(e), folder: false };
  }
}

function shellQuote(path: string): string {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

function lockedError(file: string, path: string, lock: LockContent): HubSetupError {
  if ("unreadable" in lock) {
    const remove = `${lock.folder ? "rm -r" : "rm"} ${shellQuote(path)}`;
    return new HubSetupError(
      "CONFIG_LOCKED",
      `cannot read the lock ${path}: ${lock.unreadable}; another program may be writing ${file}, so nothing was written.`,
      {
        hint: `If no hub-setup is running, remove ${path} (${remove}) and try again; if one is, wait for it to finish.`,
      },
    );
  }
  const owner = lock.content.split(/\s+/).slice(0, 2).join(" on ");
  return new HubSetupError(
    "CONFIG_LOCKED",
    `${file} is being written by another process (pid ${owner}); nothing was written.`,
    { hint: `Wait for it to finish and try again; if no such process runs, delete ${path}.` },
  );
}

export async function acquireConfigLock(
  file: string,
  options: { waitMs?: number; staleMs?: number } = {},
): Promise<ConfigLock> {
  const path = `${file}.lock`;
  const token = `${process.pid} ${hostname()} ${new Date().toISOString()} ${randomBytes(6).toString("hex")}\n`;
  const until = Date.now() + (options.waitMs ?? 3000);
  const staleMs = options.staleMs ?? 5 * 60_000;
  for (;;) {
    if (await tryCreate(file, path, token)) return { path, token };
    const lock = await readLock(path);
    if (lock === undefined) continue; // released meanwhile: try again at once
    // Taken over: try again at once. A lock that could not be moved aside is waited on like a live one.
    if (
      "content" in lock &&
      (await isStale(path, lock.content, staleMs)) &&
      (await breakLock(file, path, lock.content))
    )
      continue;
    if (Date.now() >= until) throw lockedError(file, path, lock);
    await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 30)));
  }
}

export async function releaseConfigLock(lock: ConfigLock): Promise<void> {
  const content = await readFile(lock.path, "utf8").catch(() => undefined);
  if (content === lock.token) await unlink(lock.path).catch(() => undefined);
}
