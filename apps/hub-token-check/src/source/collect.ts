import type { Skipped } from "../scan/finding.js";
import { decodeConfig } from "./decode.js";
import type { FileReader } from "./disk.js";
import { CANDIDATE_PATHSPECS, readBlobs, SYMLINK_MODE, trackedEntries } from "./git-index.js";
import { stagedFiles, type StagedFile } from "./staged-patch.js";
import type { GitRunner } from "./run-git.js";

export type SourceFile = { path: string; text: string };
export type Collected = { files: SourceFile[]; skipped: Skipped[] };

function accept(out: Collected, path: string, bytes: Uint8Array): void {
  const decoded = decodeConfig(bytes, path);
  if (!decoded.ok) {
    out.skipped.push({ path, reason: decoded.reason });
    return;
  }
  out.files.push({ path, text: decoded.text });
}

/**
 * What is staged for commit, as the index holds it (one `git diff --cached -p`; `git cat-file` only for
 * what the patch cannot carry). The working tree is never read, so a token staged and then deleted from
 * disk is still seen.
 */
async function collectStaged(git: GitRunner): Promise<Collected> {
  const out: Collected = { files: [], skipped: [] };
  const staged = await stagedFiles(git);
  const lookups = staged.flatMap((f) => ("lookup" in f ? [f.path] : []));
  const looked = new Map(
    lookups.length > 0 ? (await trackedEntries(git, lookups)).map((e) => [e.path, e.oid]) : [],
  );
  const oidOf = (f: StagedFile) => ("oid" in f ? f.oid : "lookup" in f ? looked.get(f.path) : undefined);
  const needBlobs = staged.flatMap((f) => oidOf(f) ?? []);
  const blobs = needBlobs.length > 0 ? await readBlobs(git, needBlobs) : new Map<string, Buffer>();
  for (const f of staged) {
    if ("skip" in f) out.skipped.push({ path: f.path, reason: f.skip });
    else if ("bytes" in f) accept(out, f.path, f.bytes);
    else {
      const oid = oidOf(f);
      const bytes = oid === undefined ? undefined : blobs.get(oid);
      if (bytes === undefined) out.skipped.push({ path: f.path, reason: "unreadable (its blob is missing)" });
      else accept(out, f.path, bytes);
    }
  }
  return out;
}

/** Every tracked file (`--all`) as the index holds it: `git ls-files -s` and one `git cat-file --batch`. */
async function collectTracked(git: GitRunner): Promise<Collected> {
  const candidates = await trackedEntries(git, undefined, CANDIDATE_PATHSPECS);
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

/** The candidate files as the index holds them: what is staged (default) or every tracked file (`--all`). */
export function collectFromIndex(git: GitRunner, scope: "staged" | "all"): Promise<Collected> {
  return scope === "staged" ? collectStaged(git) : collectTracked(git);
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
