/**
 * Where the old copy of a rewritten file goes. Beside it (`<file>.bak`) as before, except inside a git
 * work tree, where `git add -A` would stage the copy (and with it a token the write just removed): there
 * it goes under the XDG state folder, `$XDG_STATE_HOME/hub-setup/backups/` (default
 * `~/.local/state/hub-setup/backups/`), folders 0700, the copy 0600 (core's backup mode).
 */
import { createHash } from "node:crypto";
import { chmod, mkdir, readFile, stat, unlink } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import type { Env } from "../ports.js";
import { homeDir } from "./home.js";

/** The XDG state folder of hub-setup (its backups/ holds backups of files inside git work trees). */
export function stateFolder(env: Env): string {
  const xdg = env["XDG_STATE_HOME"];
  const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(homeDir(env), ".local", "state");
  return join(base, "hub-setup");
}

/** The git work tree holding `folder` (a `.git` folder or file above it), or undefined. */
export async function gitWorkTreeOf(folder: string): Promise<string | undefined> {
  let dir = resolve(folder);
  for (;;) {
    if ((await stat(join(dir, ".git")).catch(() => undefined)) !== undefined) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The backup's file name: the file's name and a digest of its full path (two projects never collide). */
export function backupName(target: string): string {
  const digest = createHash("sha256").update(resolve(target)).digest("hex").slice(0, 12);
  return `${basename(target)}.${digest}.bak`;
}

/** Where the backup of `target` (the file really written, symlinks resolved) goes; folders made 0700. */
export async function backupPathFor(env: Env, target: string): Promise<string | undefined> {
  if ((await gitWorkTreeOf(dirname(target))) === undefined) return undefined;
  const top = stateFolder(env);
  const folder = join(top, "backups");
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by the umask and ignored for folders that already exist: set it.
  await chmod(top, 0o700);
  await chmod(folder, 0o700);
  return join(folder, backupName(target));
}

/**
 * Removes the backups of `path` (beside it, or in the state folder) that hold any of `secrets`: after a
 * logout, no copy of the token is left behind. Returns the paths removed.
 */
export async function removeBackupsHolding(
  env: Env,
  path: string,
  secrets: readonly string[],
): Promise<string[]> {
  const { resolveWriteTarget } = await import("@hub-setup/core/node");
  const target = await resolveWriteTarget(path);
  const candidates = [`${target}.bak`, join(stateFolder(env), "backups", backupName(target))];
  const removed: string[] = [];
  for (const candidate of candidates) {
    const text = await readFile(candidate, "utf8").catch(() => undefined);
    if (text === undefined || !secrets.some((s) => s !== "" && text.includes(s))) continue;
    await unlink(candidate);
    removed.push(candidate);
  }
  return removed;
}
