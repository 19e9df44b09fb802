import type { GitRunner } from "./run-git.js";

/** One file as the index holds it. */
export type IndexEntry = { path: string; mode: string; oid: string };

const GITLINK = "160000";

/**
 * What is staged for the next commit: added, copied, modified (and renamed) files, with the blob id the
 * index holds for each. `-z` keeps paths with spaces or newlines intact.
 */
export async function stagedEntries(git: GitRunner): Promise<IndexEntry[]> {
  const out = await git([
    "diff",
    "--cached",
    "--raw",
    "-z",
    "--no-abbrev",
    "--no-renames",
    "--no-ext-diff",
    "--diff-filter=ACMR",
  ]);
  const parts = out.toString("utf8").split("\0");
  const entries: IndexEntry[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const meta = parts[i] ?? "";
    const path = parts[i + 1] ?? "";
    // ":100644 100644 <old> <new> M"
    const fields = meta.replace(/^:/, "").split(" ");
    const mode = fields[1] ?? "";
    const oid = fields[3] ?? "";
    if (mode !== GITLINK && path.length > 0) entries.push({ path, mode, oid });
  }
  return entries;
}

/** Every tracked file (stage 0), with its blob id in the index. */
export async function trackedEntries(git: GitRunner): Promise<IndexEntry[]> {
  const out = await git(["ls-files", "-s", "-z"]);
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
    const [oid = "", type = "", size = ""] = out.toString("utf8", at, eol).split(" ");
    at = eol + 1;
    if (type === "missing" || size === "") continue;
    const length = Number(size);
    if (type === "blob") blobs.set(oid, out.subarray(at, at + length));
    at += length + 1;
  }
  return blobs;
}

export const SYMLINK_MODE = "120000";
