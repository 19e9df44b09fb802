/** The files `ee` reads and writes: an ansible-builder context, and private temp folders for the build. */
import { chmod, cp, lstat, mkdtemp, open, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { binaryKind, decodeLenient } from "@hub-setup/core";
import type { Env, EeFiles } from "../ports.js";

/** Ansible's own config names: read as text even when their first bytes look like a binary's (as the checker does). */
const CONFIG_NAME = /^\.?ansible\.cfg$/i;

async function readIfFile(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? await readFile(path, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

/** `env.TMPDIR` first (as a user's shell would set it), else the system's temp folder. */
export function eeFiles(env: Env): EeFiles {
  const tempRoot = env["TMPDIR"] !== undefined && env["TMPDIR"] !== "" ? env["TMPDIR"] : tmpdir();
  return {
    readContainerfile: async (dir) => {
      for (const name of ["Containerfile", "Dockerfile"]) {
        const text = await readIfFile(join(dir, name));
        if (text !== undefined) return { name, text };
      }
      return undefined;
    },
    readRiskFiles: async (dir) => {
      const out: Array<{ path: string; text: string }> = [];
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true, recursive: true });
      } catch {
        return out;
      }
      for (const e of entries) {
        if (!e.isFile()) continue;
        const path = join(e.parentPath, e.name);
        const bytes = await readFile(path);
        // Only a real binary (an image, an archive) is skipped, never a text file for a size or an odd byte.
        if (!CONFIG_NAME.test(e.name) && binaryKind(bytes) !== undefined) continue;
        out.push({ path: relative(dir, path), text: decodeLenient(bytes) });
      }
      return out.sort((a, b) => a.path.localeCompare(b.path));
    },
    makePrivateDir: async (prefix) => {
      const dir = await mkdtemp(join(tempRoot, prefix));
      await chmod(dir, 0o700);
      return dir;
    },
    copyTree: (from, to) =>
      cp(from, to, {
        recursive: true,
        errorOnExist: true,
        force: false,
        preserveTimestamps: true,
        verbatimSymlinks: true,
      }),
    writeFile: async (path, text, mode) => {
      // The mode is set before a byte is written, also on a file that already existed.
      const handle = await open(path, "w", mode);
      try {
        await handle.chmod(mode);
        await handle.writeFile(text, "utf8");
      } finally {
        await handle.close();
      }
    },
    stat: async (path) => {
      try {
        const s = await lstat(path);
        if (!s.isDirectory()) return { exists: true, dir: false, empty: false };
        return { exists: true, dir: true, empty: (await readdir(path)).length === 0 };
      } catch {
        return { exists: false };
      }
    },
    remove: (path) => rm(path, { recursive: true, force: true }),
  };
}
