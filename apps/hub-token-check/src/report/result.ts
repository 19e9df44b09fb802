import type { Finding, FindingKind, Note, Skipped } from "../scan/finding.js";
import { isBackupCopy, isTempCopy } from "../source/candidate.js";
import { fileTypeOf, textFixSentence, textWhere } from "./file-type.js";
import { shellQuote } from "./shell-quote.js";

/** Everything one run found, ready for a formatter. Holds no secret, only redacted forms. */
export type CheckResult = {
  findings: Finding[];
  notes: Note[];
  skipped: Skipped[];
  /** How many files were scanned. */
  scanned: number;
  /** Findings left out because the baseline lists them. */
  baselined: number;
};

export type OutputFormat = "text" | "json" | "sarif";
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["text", "json", "sarif"];

/** How to keep a backup copy (`ansible.cfg.bak`, `ansible.cfg~`) or a temp file out of git, for people. */
export function backupFixSentence(path: string): string {
  if (isTempCopy(path)) {
    return `a temp file that an interrupted hub-setup write left behind, holding a config's content: delete it (\`git rm --cached -- ${shellQuote(path)}\` if it is staged), and keep \`.*.hub-setup-tmp-*\` out of git in .gitignore`;
  }
  return `a backup copy of a config file, holding an old token: delete it, or keep it out of git (\`git rm --cached -- ${shellQuote(path)}\` if it is staged, and \`*.bak\` / \`*~\` in .gitignore)`;
}

/** Whether the secret sits inside a URL: the fix is to drop it from the URL, not the line. */
export function isInUrl(kind: FindingKind): boolean {
  return kind === "password in url" || kind === "token in url";
}

/** The fix in words, for people: for an INI file by its section and key, for others by file type. */
export function fixSentence(f: Pick<Finding, "fix" | "path" | "kind" | "section">): string {
  if (isBackupCopy(f.path)) return backupFixSentence(f.path);
  const inUrl = isInUrl(f.kind);
  if (fileTypeOf(f) !== "ini") {
    return textFixSentence(
      f,
      inUrl ? "drop it from the URL (keep the URL without it)" : "take the value out of this file",
    );
  }
  const remove = inUrl ? "drop it from the URL (keep the URL without it)" : "remove it from the file";
  return f.fix === "hub-setup"
    ? `${remove} and run \`hub-setup\`, which keeps the token in the secret store`
    : `${remove} and set ${f.fix} in the environment instead (\`hub-setup\` can keep it in the secret store and export it for you)`;
}

/** Where the finding is: an INI file's section and key, another file's line and variable or key. */
export function whereSentence(
  f: Pick<Finding, "path" | "line" | "section" | "key" | "fix" | "place">,
): string {
  if (fileTypeOf(f) !== "ini") return textWhere(f);
  const section = f.section == null ? "before any section" : `[${f.section}]`;
  if (f.place === "comment")
    return `${section}, in a commented-out ${f.key ?? "line"} (a comment in git is still a leak)`;
  if (f.place === "text" || f.key == null) return `${section}, in the text of the file`;
  return `${section} ${f.key}`;
}
