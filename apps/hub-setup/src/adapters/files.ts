import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The plain file operations a few commands need beyond ansible.cfg and the store (rule 5: commands reach
 * I/O only through adapters/): a folder made, a file read if it is there, a throw-away folder.
 */

/** Makes `path` and its parents (existing ones are left as they are). */
export async function makeFolder(path: string, mode: number): Promise<void> {
  await mkdir(path, { recursive: true, mode });
}

/** The file's text, or undefined when it cannot be read (missing, a folder, not allowed). */
export async function readTextIfAny(path: string): Promise<string | undefined> {
  return readFile(path, "utf8").catch(() => undefined);
}

/** Whether something is at `path`. */
export function exists(path: string): boolean {
  return existsSync(path);
}

/** A new folder in the OS's temp folder, its real path (macOS's /var → /private/var resolved). */
export async function makeTempFolder(prefix: string): Promise<string> {
  return realpath(await mkdtemp(join(tmpdir(), prefix)));
}

/** Removes `path` and everything in it; nothing there is fine. */
export async function removeTree(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}
