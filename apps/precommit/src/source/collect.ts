import type { Skipped } from "../scan/finding.js";
import { isConfigFile, mayBeConfig } from "./candidate.js";
import { decodeConfig } from "./decode.js";
import type { FileReader } from "./disk.js";
import { readBlobs, stagedEntries, SYMLINK_MODE, trackedEntries } from "./git-index.js";
import type { GitRunner } from "./run-git.js";

export type SourceFile = { path: string; text: string };
export type Collected = { files: SourceFile[]; skipped: Skipped[] };

function accept(out: Collected, path: string, bytes: Uint8Array): void {
  const decoded = decodeConfig(bytes);
  if (!decoded.ok) {
    out.skipped.push({ path, reason: decoded.reason });
    return;
  }
  if (isConfigFile(path, decoded.text)) out.files.push({ path, text: decoded.text });
}

/**
 * The candidate files as the index holds them: what is staged for commit (default) or every tracked
 * file (`--all`). The working tree is never read, so a token staged and then deleted from disk is seen.
 */
export async function collectFromIndex(git: GitRunner, scope: "staged" | "all"): Promise<Collected> {
  const entries = scope === "staged" ? await stagedEntries(git) : await trackedEntries(git);
  const candidates = entries.filter((e) => mayBeConfig(e.path));
  const out: Collected = { files: [], skipped: [] };
  const blobs = await readBlobs(
    git,
    candidates.filter((e) => e.mode !== SYMLINK_MODE).map((e) => e.oid),
  );
  for (const e of candidates) {
    if (e.mode === SYMLINK_MODE) {
      out.skipped.push({
        path: e.path,
        reason: "a symbolic link (its target is checked where it is tracked)",
      });
      continue;
    }
    const bytes = blobs.get(e.oid);
    if (bytes === undefined) out.skipped.push({ path: e.path, reason: "unreadable (its blob is missing)" });
    else accept(out, e.path, bytes);
  }
  return out;
}

/** The files named on the command line (as the pre-commit framework passes them), from the working tree. */
export async function collectFromPaths(read: FileReader, paths: readonly string[]): Promise<Collected> {
  const out: Collected = { files: [], skipped: [] };
  const results = await Promise.all(paths.map(read));
  paths.forEach((path, i) => {
    const r = results[i];
    if (r === undefined) return;
    if (r.ok) accept(out, path, r.bytes);
    else out.skipped.push({ path, reason: r.reason });
  });
  return out;
}
