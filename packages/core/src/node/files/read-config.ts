/**
 * readConfigFile: the text of a config file as Ansible decodes it, plus a snapshot (size, mtime, hash)
 * that writeFileAtomic compares against, so that an edit never overwrites a change made meanwhile.
 */
import { createHash } from "node:crypto";
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

/** undefined when the file does not exist. */
export async function readConfigFile(
  path: string,
): Promise<{ text: string; snapshot: FileSnapshot } | undefined> {
  let handle;
  try {
    handle = await open(path, "r");
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
    if (st.isDirectory()) {
      throw new HubSetupError("CONFIG_NOT_FOUND", `cannot read ${path}: it is a folder, not a file`);
    }
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
