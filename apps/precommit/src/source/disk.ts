import { readFile, stat } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { tooBig } from "./decode.js";

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };
export type FileReader = (path: string) => Promise<ReadResult>;

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "not found";
  if (code === "EACCES" || code === "EPERM") return "unreadable (permission denied)";
  if (code === "EISDIR") return "a directory, not a file";
  return `unreadable (${error instanceof Error ? error.message : String(error)})`;
}

/** Reads files from the working tree, relative to `cwd`; never throws, says why instead. */
export function diskReader(cwd: string): FileReader {
  return async (path) => {
    const full = isAbsolute(path) ? path : join(cwd, path);
    try {
      const info = await stat(full);
      if (info.isDirectory()) return { ok: false, reason: "a directory, not a file" };
      const big = tooBig(info.size);
      if (big !== undefined) return { ok: false, reason: big };
      return { ok: true, bytes: await readFile(full) };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  };
}
