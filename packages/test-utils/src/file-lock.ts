import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function tryTake(path: string): boolean {
  try {
    const fd = openSync(path, "wx", 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // Held: take it over only when its holder is gone (a crashed test run leaves its lock behind).
  let holder = Number.NaN;
  try {
    holder = Number.parseInt(readFileSync(path, "utf8"), 10);
  } catch {
    return false; // released between our open and our read: try again
  }
  if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
    try {
      unlinkSync(path);
    } catch {
      // another waiter removed it first
    }
  }
  return false;
}

/**
 * Runs `fn` while holding an exclusive lock file (created with O_EXCL, holding our pid). Waiters poll;
 * a lock whose pid is dead is taken over. Safe across the worker processes of one or more test runs.
 */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  timeoutMs = 15 * 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (!tryTake(path)) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for the lock ${path}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}
