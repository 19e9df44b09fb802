import { CANDIDATE_PATHSPECS } from "./git-index.js";
import { unquoteGitPath } from "./git-quote.js";
import type { GitRunner } from "./run-git.js";

/**
 * What is staged, in ONE git process: `git diff --cached -p` over *.cfg / *.ini with unbounded context,
 * so each file's single hunk holds its whole new content (context and added lines). That spares the
 * commit path a second process (`git cat-file`). Settings that would change the patch's shape are
 * pinned on the command line (and run-git.ts drops GIT_DIFF_OPTS, which would override --unified).
 * The pathspecs are from the top of the work tree, whatever the current folder. A file whose content
 * the patch cannot give (an empty new file, an unexpected hunk layout, what git calls binary: a
 * `-diff` or `binary` attribute says so of any text) comes back with its blob id instead, for
 * `git cat-file`, so that its bytes decide; a pure mode change (no blob id in the patch) is looked up
 * in the index.
 */
export type StagedFile =
  | { path: string; bytes: Buffer }
  | { path: string; skip: string }
  | { path: string; oid: string }
  /** A pure mode change: the patch names no blob; look it up in the index. */
  | { path: string; lookup: true };

// prettier-ignore
export const STAGED_PATCH_ARGS = [
  "-c", "core.quotePath=false",
  "-c", "diff.suppressBlankEmpty=false",
  "-c", "diff.noprefix=false",
  "-c", "diff.mnemonicPrefix=false",
  "-c", "diff.relative=false",
  "diff", "--cached", "--patch", "--no-color", "--no-ext-diff", "--no-textconv", "--full-index",
  "--no-renames", "--diff-filter=ACMR", "--src-prefix=a/", "--dst-prefix=b/", "--unified=2147483647",
  "--", ...CANDIDATE_PATHSPECS,
];

type FileRecord = {
  path?: string;
  headerPath?: string;
  oid?: string;
  mode?: string;
  binary: boolean;
  hunks: number;
  content?: Buffer[];
  broken: boolean;
};

const SYMLINK = "120000";
const GITLINK = "160000";

function pathFromHeader(rest: string): string | undefined {
  // `diff --git a/P b/P` (no renames, so both sides are the same path) or `"a/P" "b/P"` when quoted.
  const quoted = unquoteGitPath(rest);
  if (quoted !== undefined) return quoted.value.replace(/^a\//, "");
  if ((rest.length - 5) % 2 !== 0) return undefined;
  return rest.slice(2, 2 + (rest.length - 5) / 2);
}

function pathFromPlus(rest: string): string | undefined {
  if (rest === "/dev/null") return undefined;
  const v = unquoteGitPath(rest)?.value ?? rest.replace(/\t$/, "");
  return v.replace(/^b\//, "");
}

function finish(r: FileRecord | undefined, out: StagedFile[]): void {
  if (r === undefined) return;
  const path = r.path ?? r.headerPath;
  if (path === undefined) return;
  if (r.mode === GITLINK) return;
  if (r.mode === SYMLINK)
    out.push({ path, skip: "a symbolic link (its target is checked where it is tracked)" });
  else if (r.binary)
    out.push(r.oid === undefined ? { path, skip: "binary (git sees it as binary)" } : { path, oid: r.oid });
  else if (r.hunks === 1 && !r.broken && r.content !== undefined)
    out.push({ path, bytes: Buffer.concat(r.content) });
  else if (r.oid !== undefined) out.push({ path, oid: r.oid });
  else out.push({ path, lookup: true });
}

export function parseStagedPatch(patch: Buffer): StagedFile[] {
  const out: StagedFile[] = [];
  let r: FileRecord | undefined;
  let at = 0;
  const nextLine = (): Buffer | undefined => {
    if (at >= patch.length) return undefined;
    const nl = patch.indexOf(10, at);
    const end = nl < 0 ? patch.length : nl + 1;
    const line = patch.subarray(at, end);
    at = end;
    return line;
  };
  for (let line = nextLine(); line !== undefined; line = nextLine()) {
    const text = line.toString("utf8").replace(/\n$/, "");
    if (text.startsWith("diff --git ")) {
      finish(r, out);
      r = { headerPath: pathFromHeader(text.slice(11)), binary: false, hunks: 0, broken: false };
    } else if (r === undefined) continue;
    else if (text.startsWith("index ")) {
      const m = /\.\.([0-9a-f]+)(?: (\d+))?$/.exec(text);
      r.oid = m?.[1];
      r.mode = m?.[2] ?? r.mode;
    } else if (/^(?:new file mode|new mode) /.test(text)) r.mode = text.slice(text.lastIndexOf(" ") + 1);
    else if (text.startsWith("Binary files ") || text === "GIT binary patch") r.binary = true;
    else if (text.startsWith("+++ ")) r.path = pathFromPlus(text.slice(4)) ?? r.path;
    else if (text.startsWith("@@ ")) {
      const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(text);
      r.hunks++;
      if (m == null || (m[2] !== "1" && m[3] !== "0")) r.broken = true;
      let oldLeft = Number(m?.[1] ?? 1);
      let newLeft = Number(m?.[3] ?? 1);
      const content: Buffer[] = (r.content ??= []);
      let lastWasNew = false;
      while (oldLeft > 0 || newLeft > 0) {
        const body = nextLine();
        if (body === undefined) break;
        const mark = body[0];
        if (mark === 0x20 || mark === 0x0a || mark === 0x2b) {
          content.push(mark === 0x0a ? body : body.subarray(1));
          newLeft--;
          if (mark !== 0x2b) oldLeft--;
          lastWasNew = true;
        } else if (mark === 0x2d) {
          oldLeft--;
          lastWasNew = false;
        } else {
          r.broken = true;
          at -= body.length;
          break;
        }
        // "\ No newline at end of file" applies to the line just before it.
        if (patch[at] === 0x5c) {
          nextLine();
          const last = content[content.length - 1];
          if (lastWasNew && last !== undefined && last[last.length - 1] === 0x0a) {
            content[content.length - 1] = last.subarray(0, last.length - 1);
          }
        }
      }
    }
  }
  finish(r, out);
  return out;
}

export async function stagedFiles(git: GitRunner): Promise<StagedFile[]> {
  return parseStagedPatch(await git(STAGED_PATCH_ARGS));
}
