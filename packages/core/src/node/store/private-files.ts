/**
 * Files only their owner may read: a 0700 folder, 0600 files, written atomically (temp file in the same
 * folder, fsync, rename, fsync of the folder). A store that others can read is refused the way ssh
 * refuses a loose key, with the exact chmod to run.
 */
import { chmod, lstat, mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { HubSetupError } from "../../errors.js";

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

/**
 * Refuses a folder or file that group or others can access, or that someone else owns. Missing paths
 * pass (nothing to protect yet).
 */
export async function assertPrivate(dir: string, file: string): Promise<void> {
  const problems: string[] = [];
  const fixes: string[] = [];
  for (const [path, want] of [
    [dir, 0o700],
    [file, 0o600],
  ] as const) {
    let st;
    try {
      st = await lstat(path);
    } catch (e) {
      if (isMissing(e)) continue;
      throw e;
    }
    if (path === file && !st.isFile()) problems.push(`${path} is not a regular file`);
    const uid = process.getuid?.();
    if (uid !== undefined && st.uid !== uid)
      problems.push(`${path} belongs to user id ${st.uid}, not to you`);
    if ((st.mode & 0o077) !== 0) {
      problems.push(
        `${path} has mode ${(st.mode & 0o777).toString(8).padStart(4, "0")}, so others can read it`,
      );
      fixes.push(`chmod ${want.toString(8)} ${shellQuote(path)}`);
    }
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

/** Replaces `path` with `content` all at once, mode 0600: readers see the old file or the new, never half. */
export async function writePrivateAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(tmp, "wx", 0o600);
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  const d = await open(dir, "r");
  try {
    await d.sync();
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic.
  } finally {
    await d.close();
  }
}
