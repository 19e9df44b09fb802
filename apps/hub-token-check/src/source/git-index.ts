import type { GitRunner } from "./run-git.js";

/** One file as the index holds it. */
export type IndexEntry = { path: string; mode: string; oid: string };

const GITLINK = "160000";

/**
 * Pathspecs for every file that may be an Ansible config, or a backup copy or hub-setup temp file of
 * one (`.bak`, `~`, `.hub-setup-tmp-…`, as candidate.ts matches): from the top of the work tree whatever the current folder, any case, and `*`
 * crosses `/` in git's default globbing.
 */
export const CANDIDATE_PATHSPECS = [
  "*.cfg",
  "*.ini",
  "*.cfg.bak",
  "*.ini.bak",
  "*.cfg~",
  "*.ini~",
  // hub-setup's temp files (`.ansible.cfg.hub-setup-tmp-<pid>-<hex>`): candidate.ts judges the name.
  "*.hub-setup-tmp-*",
].map((glob) => `:(top,icase)${glob}`);

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
