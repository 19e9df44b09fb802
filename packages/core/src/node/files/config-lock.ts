/**
 * `<file>.lock` beside a config file, so that two writers (two hub-setup runs, a wizard and a scheduled
 * job) cannot interleave. Created with O_EXCL and holding "pid host time". A lock whose process is gone
 * (same host), or older than `staleMs`, is taken over: renamed aside first, so that of two processes
 * breaking the same stale lock only one wins.
 */
import { randomBytes } from "node:crypto";
import { link, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { HubSetupError } from "../../errors.js";
import { errorCode } from "./read-config.js";

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
  return st !== undefined && Date.now() - st.mtimeMs > staleMs;
}

/** Moves a stale lock aside; false when someone else got there first. */
async function breakLock(path: string, seen: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await readFile(aside, "utf8").catch(() => "");
  if (moved !== seen) await link(aside, path).catch(() => undefined); // a fresh lock: put it back
  await unlink(aside).catch(() => undefined);
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
    try {
      const handle = await open(path, "wx", 0o600);
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      return { path, token };
    } catch (e) {
      if (errorCode(e) !== "EEXIST") throw e;
    }
    const content = await readFile(path, "utf8").catch(() => undefined);
    if (content === undefined) continue; // released meanwhile
    if (await isStale(path, content, staleMs)) {
      await breakLock(path, content);
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
