import { catFileBatchReader } from "./cat-file-batch.js";
import type { GitRunner, GitStreamer } from "./run-git.js";

/** One file as the index holds it. */
export type IndexEntry = { path: string; mode: string; oid: string };

const GITLINK = "160000";

/**
 * Every file, from the top of the work tree whatever the current folder: a hub token can sit in any
 * text file (a Containerfile, CI YAML, `.env`, docs), so the detector judges each one; only real
 * binaries are skipped, by their bytes.
 */
export const CANDIDATE_PATHSPECS = [":(top)"];

/**
 * Tracked files (stage 0) with their blob ids in the index: those at `paths` (literal, from the top of
 * the work tree), or matching `specs`. Paths come back from the top of the work tree too.
 */
export async function trackedEntries(
  git: GitRunner,
  paths?: readonly string[],
  specs: readonly string[] = [],
): Promise<IndexEntry[]> {
  const only = [...(paths ?? []).map((p) => `:(top,literal)${p}`), ...specs];
  const out = await git(["ls-files", "-s", "-z", "--full-name", ...(only.length > 0 ? ["--", ...only] : [])]);
  const entries: IndexEntry[] = [];
  for (const record of out.toString("utf8").split("\0")) {
    const tab = record.indexOf("\t");
    if (tab < 0) continue;
    const [mode = "", oid = "", stage = ""] = record.slice(0, tab).split(" ");
    if (stage !== "0" || mode === GITLINK) continue;
    entries.push({ path: record.slice(tab + 1), mode, oid });
  }
  return entries;
}

/** The contents of many blobs in one `git cat-file --batch` run. Missing ids are left out. */
export async function readBlobs(git: GitRunner, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return blobs;
  const out = await git(["cat-file", "--batch"], `${unique.join("\n")}\n`);
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    // `<oid> <type> <size>` or `<oid> missing`, in ASCII (the ids are ls-files' hex): latin1 is the
    // cheaper decoding.
    const [oid = "", type = "", size = ""] = out.toString("latin1", at, eol).split(" ");
    at = eol + 1;
    if (type === "missing" || size === "") continue;
    const length = Number(size);
    if (type === "blob") blobs.set(oid, out.subarray(at, at + length));
    at += length + 1;
  }
  return blobs;
}

/**
 * The contents of many blobs in one `git cat-file --batch` run, read as git writes them: `onBlob` gets
 * each id (once, in the order given) with its bytes as soon as they are whole, `undefined` when the blob
 * is missing. The bytes are only valid during the call. Output that stops early, or answers for other
 * ids, rejects.
 */
export async function streamBlobs(
  stream: GitStreamer,
  oids: readonly string[],
  onBlob: (oid: string, bytes: Buffer | undefined) => void,
): Promise<void> {
  const unique = [...new Set(oids)];
  if (unique.length === 0) return;
  let next = 0;
  const reader = catFileBatchReader((oid, bytes) => {
    if (oid !== unique[next]) {
      throw new Error(
        `git cat-file --batch answered for ${oid} where ${unique[next] ?? "nothing"} was asked`,
      );
    }
    next += 1;
    onBlob(oid, bytes);
  });
  // --buffer: git writes through stdio's buffer, not one write per object; the pipe still streams.
  await stream(["cat-file", "--batch", "--buffer"], `${unique.join("\n")}\n`, reader.push);
  reader.end();
  if (next < unique.length) {
    throw new Error(`git cat-file --batch stopped after ${next} of ${unique.length} objects`);
  }
}

export const SYMLINK_MODE = "120000";
