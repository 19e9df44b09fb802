/**
 * tokenizeAnsibleConfig: a tolerant, line-by-line view of ansible.cfg text that never fails, also on
 * files Ansible refuses (the pre-commit checker scans those too). It uses ConfigParser's own line rules
 * (see scan.ts) but keeps going where ConfigParser stops: lines before any header belong to no section,
 * a leading BOM is skipped, duplicates are classified like other lines, and lines ConfigParser cannot
 * read are "invalid". Columns are 1-based and count UTF-16 code units of `raw`.
 */
import { scanConfig, type LineKind } from "./scan.js";

export interface CfgLine {
  line: number;
  kind: LineKind;
  /** The line without its "\n" or "\r\n". */
  raw: string;
  /** The section the line is in (for a header, its own name); absent before the first header. */
  section?: string;
  /** Lower-cased key of an option line, or of the option a continuation line continues. */
  key?: string;
  /** option: the value as ConfigParser starts it (inline `;` comment cut); continuation: its stripped text. */
  value?: string;
  /** 1-based column where `value` starts in `raw`. */
  valueColumn?: number;
  /** Text after the `#` or `;` that starts a comment (a comment line, or an inline ` ;` comment). */
  commentText?: string;
  /** 1-based column where commentText starts. */
  commentColumn?: number;
}

export function tokenizeAnsibleConfig(text: string): CfgLine[] {
  const scan = scanConfig(text, true);
  return scan.lines.map((l, i) => {
    const out: CfgLine = { line: i + 1, kind: l.kind, raw: l.text };
    if (l.section !== undefined) out.section = l.section;
    if (l.key !== undefined) {
      out.key = l.key;
      out.value = l.text.slice(l.valueStart, l.valueEnd);
      out.valueColumn = l.valueStart + 1;
    }
    if (l.commentStart !== -1) {
      out.commentText = l.text.slice(l.commentStart + 1);
      out.commentColumn = l.commentStart + 2;
    }
    return out;
  });
}
