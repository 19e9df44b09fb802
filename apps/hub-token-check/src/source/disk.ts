import { readFile, stat, type Stats } from "node:fs";
import { isAbsolute, join } from "node:path";
import { tooBig } from "./decode.js";

// node:fs's callback API, not node:fs/promises: node:fs is loaded before any of our code runs, while
// node:fs/promises costs ~1 ms to load at every start of the checker, needed or not.
const statOf = (path: string) =>
  new Promise<Stats>((resolve, reject) => stat(path, (e, s) => (e ? reject(e) : resolve(s))));
const bytesOf = (path: string) =>
  new Promise<Buffer>((resolve, reject) => readFile(path, (e, b) => (e ? reject(e) : resolve(b))));

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
      const info = await statOf(full);
      if (info.isDirectory()) return { ok: false, reason: "a directory, not a file" };
      const big = tooBig(info.size);
      if (big !== undefined) return { ok: false, reason: big };
      return { ok: true, bytes: await bytesOf(full) };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  };
}
