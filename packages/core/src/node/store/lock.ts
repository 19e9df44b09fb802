/**
 * A lock file beside a store, so that two hub-setup processes (a scheduled refresh and a wizard) never
 * lose each other's writes: created with O_EXCL, holding the owner's pid; a lock whose process is gone,
 * or that is older than `staleMs`, is taken over.
 */
import { open, readFile, stat, unlink } from "node:fs/promises";
import { HubSetupError } from "../../errors.js";

export type LockOptions = { waitMs?: number; staleMs?: number };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === "EPERM";
  }
}

async function isStale(path: string, staleMs: number): Promise<boolean> {
  try {
    const [text, st] = await Promise.all([readFile(path, "utf8"), stat(path)]);
    const pid = Number.parseInt(text, 10);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) return true;
    return Date.now() - st.mtimeMs > staleMs;
  } catch {
    return false; // gone already, or being written: try again
  }
}

export async function withLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(path, "wx", 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (e) {
      if ((e as { code?: unknown }).code !== "EEXIST") throw e;
      if (await isStale(path, staleMs)) {
        await unlink(path).catch(() => undefined);
        continue;
      }
      if (Date.now() > until) {
        const owner = (await readFile(path, "utf8").catch(() => "")).trim();
        throw new HubSetupError(
          "STORE_UNAVAILABLE",
          `the token store is locked by another hub-setup process${owner === "" ? "" : ` (pid ${owner})`}: wait for it to finish, or remove ${path} if no such process runs.`,
        );
      }
      await new Promise((r) => setTimeout(r, 5 + Math.floor(Math.random() * 20)));
    }
  }
  try {
    return await fn();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
