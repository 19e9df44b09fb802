/**
 * readConfigFile: the text of a config file as Ansible decodes it, plus a snapshot (size, mtime, hash)
 * that writeFileAtomic compares against, so that an edit never overwrites a change made meanwhile.
 */
import { createHash } from "node:crypto";
import { constants, type Stats } from "node:fs";
import { open } from "node:fs/promises";
import { HubSetupError } from "../../errors.js";
import { decodeConfigBytes } from "../../cfg/text-codec.js";

export interface FileSnapshot {
  /** The path as given to readConfigFile. */
  path: string;
  size: number;
  mtimeMs: number;
  /** sha256 of the bytes, hex: what "unchanged" is decided on. */
  sha256: string;
  /** Permission bits, for information. */
  mode: number;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever (and a thread
// blocked there keeps the process from exiting, even on a signal). It changes nothing for a regular
// file, the only kind that is then read.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Why a file that is not a regular file is not read (a FIFO would block, a device never end). */
function notRegular(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return "it is a folder, not a file";
  if (st.isFIFO()) return "not a regular file (a FIFO)";
  if (st.isSocket()) return "not a regular file (a socket)";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "not a regular file (a device)";
  return "not a regular file";
}

/**
 * undefined when the file does not exist. Only a regular file is read: the kind is checked on the
 * open descriptor, so a file swapped for a FIFO after a check cannot block the read.
 */
export async function readConfigFile(
  path: string,
): Promise<{ text: string; snapshot: FileSnapshot } | undefined> {
  let handle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new HubSetupError("CONFIG_NOT_FOUND", `cannot read ${path}: ${code ?? String(error)}`, {
      cause: error,
      hint: code === "EACCES" ? "Check the file's permissions." : undefined,
    });
  }
  try {
    const st = await handle.stat();
    const why = notRegular(st);
    if (why !== undefined) throw new HubSetupError("CONFIG_NOT_FOUND", `cannot read ${path}: ${why}`);
    const bytes = await handle.readFile();
    return {
      text: decodeConfigBytes(bytes),
      snapshot: {
        path,
        size: bytes.length,
        mtimeMs: st.mtimeMs,
        sha256: sha256(bytes),
        mode: st.mode & 0o7777,
      },
    };
  } finally {
    await handle.close();
  }
}
