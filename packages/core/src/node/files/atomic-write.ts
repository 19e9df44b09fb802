/**
 * writeFileAtomic: replace a config file so that any reader, and any crash, sees either the old content
 * or the new one, never a mix. Under `<file>.lock`: check the file is still what was read, copy the old
 * content to `<file>.bak` (atomically too, mode 0600, the file's owner), write a temp file in the same
 * folder, fsync it, rename it over the file, fsync the folder. A symlink is written through to its target;
 * mode and owner are kept.
 * On any error the temp file is removed; a temp file left by a killed writer is never the config and is
 * swept by the next write.
 */
import { randomBytes } from "node:crypto";
import { lstat, open, readdir, readFile, readlink, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { HubSetupError } from "../../errors.js";
import { acquireConfigLock, pidAlive, releaseConfigLock, TEMP_MARK } from "./config-lock.js";
import { errorCode, sha256, type FileSnapshot } from "./read-config.js";
import { encodeConfigText } from "../../cfg/text-codec.js";

export type WriteFileOptions = {
  /** The snapshot from readConfigFile, or "absent" if the file did not exist; refuses if it changed. */
  expected?: FileSnapshot | "absent";
  /** Keep the previous content as `<file>.bak` (default true). */
  backup?: boolean;
  /**
   * Where the backup goes instead of `<file>.bak` (e.g. outside a git work tree, where `git add -A`
   * would stage it). Its folder must exist; the copy is 0600 like the default one.
   */
  backupPath?: string;
  /** Permission bits; default: the existing file's, else 0o644 (or 0o600 via this option for secrets). */
  mode?: number;
  /** How long to wait for another writer's lock before CONFIG_LOCKED (default 3000 ms). */
  lockWaitMs?: number;
};

export type WriteFileResult = { backupPath?: string; warnings?: string[] };

/**
 * `<file>.bak` is the owner's recovery copy, and the old content may hold a plaintext token: whatever the
 * file's mode, the copy is created with this mode (never wider, then narrowed) and keeps the file's owner.
 */
const BACKUP_MODE = 0o600;

/** Follows symlinks (also a dangling one) to the file that really gets written. */
export async function resolveWriteTarget(path: string): Promise<string> {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const st = await lstat(p).catch((e: unknown) => {
      if (errorCode(e) === "ENOENT") return undefined;
      throw e;
    });
    if (st === undefined || !st.isSymbolicLink()) return p;
    p = resolve(dirname(p), await readlink(p));
  }
  throw new HubSetupError("CONFIG_NOT_FOUND", `${path}: too many levels of symbolic links`);
}

async function fsyncFolder(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => undefined);
  if (handle === undefined) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

type Owner = { uid: number; gid: number };

/** Writes bytes to a temp file beside `dest` and renames it over `dest`. */
async function replaceFile(
  dest: string,
  bytes: Uint8Array,
  mode: number,
  owner: Owner | undefined,
  warnings: string[],
) {
  const temp = join(
    dirname(dest),
    `.${basename(dest)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString("hex")}`,
  );
  let renamed = false;
  try {
    const handle = await open(temp, "wx", mode);
    try {
      await handle.chmod(mode); // the umask must not loosen or tighten what we keep
      if (owner !== undefined && (owner.uid !== process.getuid?.() || owner.gid !== process.getgid?.())) {
        await handle.chown(owner.uid, owner.gid).catch(() => {
          warnings.push(
            `could not keep the owner (uid ${owner.uid}, gid ${owner.gid}) of ${dest}; it now belongs to you`,
          );
        });
      }
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, dest);
    renamed = true;
    await fsyncFolder(dirname(dest));
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

/** Removes temp files (of the file, its .bak, its lock) left by writers that died. */
export async function sweepTemps(dir: string, base: string): Promise<void> {
  const prefixes = [`.${base}${TEMP_MARK}`, `.${base}.bak${TEMP_MARK}`];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    if (prefix === undefined) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !pidAlive(pid))
      await unlink(join(dir, name)).catch(() => undefined);
  }
}

function changedOnDisk(path: string, what: string): HubSetupError {
  return new HubSetupError(
    "CONFIG_CHANGED_ON_DISK",
    `${path} ${what} since it was read; nothing was written.`,
    {
      hint: "Another program changed it meanwhile: run again to start from its current content.",
    },
  );
}

export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: WriteFileOptions = {},
): Promise<WriteFileResult> {
  try {
    return await writeUnderLock(path, content, options);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new HubSetupError(
        "CONFIG_NOT_WRITABLE",
        `cannot write ${path}: ${describeDenied(code)}; nothing was written.`,
        {
          hint: "Choose a file you own (a project ansible.cfg or ~/.ansible.cfg), or fix the folder's permissions.",
          cause: error,
        },
      );
    }
    throw error;
  }
}

function describeDenied(code: string): string {
  return code === "EROFS" ? "the file system is read-only" : "permission denied";
}

async function writeUnderLock(
  path: string,
  content: string | Uint8Array,
  options: WriteFileOptions,
): Promise<WriteFileResult> {
  const target = await resolveWriteTarget(path);
  const dir = dirname(target);
  if ((await stat(dir).catch(() => undefined))?.isDirectory() !== true) {
    throw new HubSetupError("CONFIG_NOT_FOUND", `cannot write ${path}: the folder ${dir} does not exist`, {
      hint: "Create the folder first, or choose another ansible.cfg location.",
    });
  }
  const lock = await acquireConfigLock(
    target,
    options.lockWaitMs === undefined ? {} : { waitMs: options.lockWaitMs },
  );
  try {
    await sweepTemps(dir, basename(target));
    const current = await stat(target).catch((e: unknown) => {
      if (errorCode(e) === "ENOENT") return undefined;
      throw e;
    });
    const old = current === undefined ? undefined : await readFile(target);
    const expected = options.expected;
    if (expected === "absent" && current !== undefined)
      throw changedOnDisk(path, "was created by another program");
    if (expected !== undefined && expected !== "absent") {
      if (old === undefined) throw changedOnDisk(path, "was deleted");
      if (old.length !== expected.size || sha256(old) !== expected.sha256)
        throw changedOnDisk(path, "changed");
    }
    const warnings: string[] = [];
    const owner = current === undefined ? undefined : { uid: current.uid, gid: current.gid };
    const oldMode = current === undefined ? undefined : current.mode & 0o7777;
    let backupPath: string | undefined;
    if (old !== undefined && options.backup !== false) {
      backupPath = options.backupPath ?? `${target}.bak`;
      await replaceFile(backupPath, old, BACKUP_MODE, owner, warnings);
    }
    const bytes = typeof content === "string" ? encodeConfigText(content) : content;
    await replaceFile(target, bytes, options.mode ?? oldMode ?? 0o644, owner, warnings);
    return {
      ...(backupPath === undefined ? {} : { backupPath }),
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  } finally {
    await releaseConfigLock(lock);
  }
}
