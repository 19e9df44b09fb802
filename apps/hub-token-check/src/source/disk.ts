import { close, constants, fstat, open, readFile, type Stats } from "node:fs";
import { isAbsolute, join } from "node:path";

// node:fs's callback API, not node:fs/promises: node:fs is loaded before any of our code runs, while
// node:fs/promises costs ~1 ms to load at every start of the checker, needed or not.
// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever. It changes
// nothing for a regular file, the only kind that is then read.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const openOf = (path: string) =>
  new Promise<number>((resolve, reject) => open(path, FLAGS, (e, fd) => (e ? reject(e) : resolve(fd))));
const statOf = (fd: number) =>
  new Promise<Stats>((resolve, reject) => fstat(fd, (e, s) => (e ? reject(e) : resolve(s))));
const bytesOf = (fd: number) =>
  new Promise<Buffer>((resolve, reject) => readFile(fd, (e, b) => (e ? reject(e) : resolve(b))));

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };
export type FileReader = (path: string) => Promise<ReadResult>;

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "not found";
  if (code === "EACCES" || code === "EPERM") return "unreadable (permission denied)";
  if (code === "EISDIR") return "a directory, not a file";
  return `unreadable (${error instanceof Error ? error.message : String(error)})`;
}

/** Why a file that is not a regular file is not read (a FIFO would block, a device never end). */
function notRegular(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return "a directory, not a file";
  if (info.isFIFO()) return "not a regular file (a FIFO)";
  if (info.isSocket()) return "not a regular file (a socket)";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "not a regular file (a device)";
  return "not a regular file";
}

/**
 * Reads regular files from the working tree, relative to `cwd`; never throws, says why instead. The
 * kind of file is checked on the open descriptor, so a file swapped for a FIFO after a check cannot
 * block the read.
 */
export function diskReader(cwd: string): FileReader {
  return async (path) => {
    const full = isAbsolute(path) ? path : join(cwd, path);
    let fd: number | undefined;
    try {
      fd = await openOf(full);
      const why = notRegular(await statOf(fd));
      if (why !== undefined) return { ok: false, reason: why };
      return { ok: true, bytes: await bytesOf(fd) };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    } finally {
      if (fd !== undefined) close(fd, () => undefined);
    }
  };
}
