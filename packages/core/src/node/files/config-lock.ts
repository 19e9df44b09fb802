/**
 * `<file>.lock` beside a config file, so that two writers (two hub-setup runs, a wizard and a scheduled
 * job) cannot interleave. It holds "pid host time nonce" and appears with that content in one step (a
 * temp file hard-linked into place, which fails if the lock exists), so a writer killed at any moment
 * never leaves an empty lock nobody can judge. A lock whose process is gone (same host), or older than
 * `staleMs`, is taken over: renamed aside first, so that of two processes breaking it only one wins.
 */
import { randomBytes } from "node:crypto";
import { link, open, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
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

/** Moves a stale lock aside (named like our temp files, so a crash here leaves nothing unswept). */
async function breakLock(file: string, path: string, seen: string): Promise<void> {
  const aside = join(
    dirname(file),
    `.${basename(file)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString("hex")}.stale`,
  );
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await readFile(aside, "utf8").catch(() => "");
  if (moved !== seen) await link(aside, path).catch(() => undefined); // a fresh lock: put it back
  await unlink(aside).catch(() => undefined);
}

/** Creates the lock with its content in one step; false when it exists already. */
async function tryCreate(file: string, path: string, token: string): Promise<boolean> {
  const temp = join(
    dirname(file),
    `.${basename(file)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString("hex")}.lock`,
  );
  await writeFile(temp, token, { mode: 0o600, flag: "wx" });
  try {
    await link(temp, path);
    return true;
  } catch (e) {
    if (errorCode(e) === "EEXIST") return false;
    // A file system without hard links: fall back to O_EXCL (content follows a moment later).
    const handle = await open(path, "wx", 0o600).catch((err: unknown) => {
      if (errorCode(err) === "EEXIST") return undefined;
      throw err;
    });
    if (handle === undefined) return false;
    try {
      await handle.writeFile(token);
    } finally {
      await handle.close();
    }
    return true;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
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
    const content = await readFile(path, "utf8").catch(() => undefined);
    if (content === undefined) continue; // released meanwhile
    if (await isStale(path, content, staleMs)) {
      await breakLock(file, path, content);
      continue;
    }
    if (Date.now() >= until) {
      const owner = content.split(/\s+/).slice(0, 2).join(" on ");
      throw new HubSetupError(
        "CONFIG_LOCKED",
        `${file} is being written by another process (pid ${owner}); nothing was written.`,
        {
          hint: `Wait for it to finish and try again; if no such process runs, delete ${path}.`,
        },
      );
    }
    await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 30)));
  }
}

export async function releaseConfigLock(lock: ConfigLock): Promise<void> {
  const content = await readFile(lock.path, "utf8").catch(() => undefined);
  if (content === lock.token) await unlink(lock.path).catch(() => undefined);
}
