/**
 * Files only their owner may read: a 0700 folder, 0600 files, written atomically (temp file in the same
 * folder, fsync, rename, fsync of the folder). A store that others can read is refused the way ssh
 * refuses a loose key, with the exact chmod to run. The folder may be a symbolic link (a dotfiles setup):
 * the folder it leads to is what is checked, and named.
 */
import {
  chmod,
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  stat,
  unlink,
} from "node:fs/promises";
import type { Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { HubSetupError } from "../../errors.js";
import { pidAlive } from "../files/config-lock.js";

function shellQuote(path: string): string {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

function isMissing(e: unknown): boolean {
  return (e as { code?: unknown }).code === "ENOENT";
}

/** Creates the folder (and parents) if needed; a folder we create gets mode 0700. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  try {
    await lstat(dir);
    return;
  } catch (e) {
    if (!isMissing(e)) throw e;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700); // the umask may have narrowed or (rarely) widened what mkdir applied
}

async function statIfExists(path: string, follow: boolean): Promise<Stats | undefined> {
  try {
    return await (follow ? stat(path) : lstat(path));
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}

type Entry = { real: string; shown: string; st: Stats; want: number };

function checkEntry({ shown, real, st, want }: Entry, problems: string[], fixes: string[]): void {
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) problems.push(`${shown} belongs to user id ${st.uid}, not to you`);
  if ((st.mode & 0o077) !== 0) {
    problems.push(
      `${shown} has mode ${(st.mode & 0o777).toString(8).padStart(4, "0")}, so others can read it`,
    );
    fixes.push(`chmod ${want.toString(8)} ${shellQuote(real)}`);
  }
}

/**
 * Refuses a folder or file that group or others can access, or that someone else owns. Missing paths
 * pass (nothing to protect yet). A folder that is a link is judged by its target (stat, not lstat); the
 * file itself must be a regular file, not a link (the atomic write would replace the link anyway).
 */
export async function assertPrivate(dir: string, file: string): Promise<void> {
  const problems: string[] = [];
  const fixes: string[] = [];
  const dirStat = await statIfExists(dir, true);
  let realDir = resolve(dir);
  if (dirStat !== undefined) {
    realDir = await realpath(dir);
    const link = (await lstat(dir)).isSymbolicLink();
    const shown =
      realDir === resolve(dir) ? dir : link ? `${dir} (a link to ${realDir})` : `${dir} (${realDir})`;
    if (!dirStat.isDirectory()) problems.push(`${shown} is not a folder`);
    checkEntry({ real: realDir, shown, st: dirStat, want: 0o700 }, problems, fixes);
  }
  const fileStat = await statIfExists(file, false);
  if (fileStat !== undefined) {
    const real = join(realDir, basename(file));
    const shown = real === resolve(file) ? file : `${file} (${real})`;
    if (!fileStat.isFile()) problems.push(`${shown} is not a regular file`);
    checkEntry({ real, shown, st: fileStat, want: 0o600 }, problems, fixes);
  }
  if (problems.length === 0) return;
  const fix = fixes.length > 0 ? fixes.join(" && ") : `remove ${shellQuote(file)} and store the tokens again`;
  throw new HubSetupError(
    "STORE_INSECURE",
    `the token store is not private: ${problems.join("; ")}. Run: ${fix} (and load new tokens if others may have read them).`,
    { hint: `run: ${fix}` },
  );
}

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}

/** Our temp files: `.<name>.<pid>.<8 hex>.tmp`. */
function tempPattern(name: string): RegExp {
  return new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
}

/** Removes temp files of `path` left by writers that died (they may hold tokens). */
async function sweepStaleTemps(dir: string, name: string): Promise<void> {
  const pattern = tempPattern(name);
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    const pid = Number(pattern.exec(entry)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !pidAlive(pid))
      await unlink(join(dir, entry)).catch(() => undefined);
  }
}

/**
 * Replaces `path` with `content` all at once, mode 0600: readers see the old file or the new, never half.
 * On any failure the temp file is removed; one left by a killed writer is swept by the next write.
 */
export async function writePrivateAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  await sweepStaleTemps(dir, basename(path));
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(tmp, "wx", 0o600);
  let renamed = false;
  try {
    try {
      await handle.writeFile(content, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
    renamed = true;
  } finally {
    if (!renamed) await unlink(tmp).catch(() => undefined);
  }
  const d = await open(dir, "r").catch(() => undefined);
  if (d === undefined) return;
  try {
    await d.sync();
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic.
  } finally {
    await d.close();
  }
}
