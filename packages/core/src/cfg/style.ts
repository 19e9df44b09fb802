/**
 * The writing style of an existing file, so that lines we add look like the lines already there:
 * its newline, the text between key and value (`" = "`, `"="`, `": "` …), and how it indents
 * continuation lines.
 */
import type { Eol, ScannedLine, ScanResult } from "./scan.js";

export type Newline = "\n" | "\r\n";

/** The file's dominant newline (the first one seen breaks a tie); "\n" for a file with none. */
export function detectNewline(lines: readonly { eol: Eol }[]): Newline {
  let crlf = 0;
  let lf = 0;
  let first: Newline | undefined;
  for (const l of lines) {
    if (l.eol === "\r\n") crlf++;
    else if (l.eol === "\n") lf++;
    else continue;
    first ??= l.eol;
  }
  if (crlf === lf) return first ?? "\n";
  return crlf > lf ? "\r\n" : "\n";
}

/** What separates key and value on option lines with a value: section's own style first, then the file's. */
export function delimiterStyle(scan: ScanResult, sectionName: string): string {
  const counts = new Map<string, number>();
  let inSection: string | undefined;
  for (const line of scan.lines) {
    if (line.kind !== "option" || line.valueStart >= line.valueEnd) continue;
    const between = line.text.slice(line.keyEnd, line.valueStart);
    if (inSection === undefined && line.section === sectionName) inSection = between;
    counts.set(between, (counts.get(between) ?? 0) + 1);
  }
  if (inSection !== undefined) return inSection;
  let best = " = ";
  let bestCount = 0;
  for (const [style, count] of counts) {
    if (count > bestCount) {
      best = style;
      bestCount = count;
    }
  }
  return best;
}

/** The delimiter style for an option with an empty value: `key =` (no trailing whitespace). */
export function emptyValueStyle(style: string): string {
  return style.replace(/\s+$/u, "");
}

/** Leading whitespace of a line, as written. */
export function indentOf(line: ScannedLine): string {
  return line.text.slice(0, line.indent);
}

/**
 * How deep to indent a new continuation line of an option whose key line is indented `keyIndent`:
 * like the file's first continuation line when that is deeper, else four more spaces.
 */
export function continuationIndent(scan: ScanResult, keyIndent: string): string {
  for (const line of scan.lines) {
    if (line.kind === "continuation" && line.indent > keyIndent.length) return indentOf(line);
  }
  return keyIndent + "    ";
}
