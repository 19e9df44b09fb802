import type { Skipped } from "../scan/finding.js";
import { decodeConfig } from "./decode.js";
import type { FileReader } from "./disk.js";
import { CANDIDATE_PATHSPECS, readBlobs, streamBlobs, SYMLINK_MODE, trackedEntries } from "./git-index.js";
import { stagedFiles, type StagedFile } from "./staged-patch.js";
import type { GitRunner, GitStreamer } from "./run-git.js";

export type SourceFile = { path: string; text: string };
export type Collected = { files: SourceFile[]; skipped: Skipped[] };
/** One file's outcome: not scanned (and why), or what was made of its text. */
export type Judged<T> = { skipped: Skipped } | { judged: T };

const MISSING = "unreadable (its blob is missing)";
const SYMLINK = "a symbolic link (its target is checked where it is tracked)";

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
 * disk is still seen. Git's output is read whole (spawnSync): here git is quick and there is little
 * to scan, so nothing would overlap.
 */
export async function collectStaged(git: GitRunner): Promise<Collected> {
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
      if (bytes === undefined) out.skipped.push({ path: f.path, reason: MISSING });
      else accept(out, f.path, bytes);
    }
  }
  return out;
}

function judgeBytes<T>(path: string, bytes: Uint8Array, judge: (file: SourceFile) => T): Judged<T> {
  const decoded = decodeConfig(bytes, path);
  return decoded.ok
    ? { judged: judge({ path, text: decoded.text }) }
    : { skipped: { path, reason: decoded.reason } };
}

/**
 * Every tracked file (`--all`) as the index holds it: `git ls-files -s`, then one `git cat-file --batch`
 * read as git writes it. Each blob is decoded and handed to `judge` as soon as it is whole, once per
 * path that holds it, so git inflates the next blob while this one is scanned; then only `judge`'s
 * result is kept. The outcomes come in index order, whatever order the blobs arrive in.
 */
export async function judgeTracked<T>(
  git: GitRunner,
  stream: GitStreamer,
  judge: (file: SourceFile) => T,
): Promise<Judged<T>[]> {
  const entries = await trackedEntries(git, undefined, CANDIDATE_PATHSPECS);
  const outcomes: (Judged<T> | undefined)[] = new Array<Judged<T> | undefined>(entries.length);
  /** Which entries (by index) each blob id is read for: several paths may hold the same content. */
  const holders = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (e.mode === SYMLINK_MODE) outcomes[i] = { skipped: { path: e.path, reason: SYMLINK } };
    else {
      const at = holders.get(e.oid);
      if (at === undefined) holders.set(e.oid, [i]);
      else at.push(i);
    }
  });
  await streamBlobs(stream, [...holders.keys()], (oid, bytes) => {
    for (const i of holders.get(oid) ?? []) {
      const path = entries[i]?.path ?? "";
      outcomes[i] =
        bytes === undefined ? { skipped: { path, reason: MISSING } } : judgeBytes(path, bytes, judge);
    }
  });
  // streamBlobs answered every id, so every entry has its outcome.
  return outcomes.map((o, i) => o ?? { skipped: { path: entries[i]?.path ?? "", reason: MISSING } });
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
