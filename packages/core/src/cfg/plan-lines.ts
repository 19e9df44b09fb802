/**
 * The shared ground of edit plans: plain lines (text + newline), where a section's block ends, and
 * inserting or deleting lines while keeping a missing final newline missing.
 */
import { pyStrip } from "./python-text.js";
import type { Eol, ScannedLine, ScanResult, SectionEntry } from "./scan.js";
import type { Newline } from "./style.js";

export interface PlainLine {
  text: string;
  eol: Eol;
}

export function copyLines(scan: ScanResult): PlainLine[] {
  return scan.lines.map((l) => ({ text: l.text, eol: l.eol }));
}

export function sectionEntry(scan: ScanResult, name: string): SectionEntry | undefined {
  return name === "DEFAULT"
    ? scan.defaults.headers.length > 0
      ? scan.defaults
      : undefined
    : scan.sections.get(name);
}

/** Index of the next section header after `header`, or the number of lines. */
export function blockEnd(lines: readonly ScannedLine[], header: number): number {
  for (let i = header + 1; i < lines.length; i++) if (lines[i]?.kind === "section") return i;
  return lines.length;
}

/** Inserts `texts` as new lines after index `after` (-1: at the top), keeping a missing final newline missing. */
export function insertAfter(
  lines: PlainLine[],
  after: number,
  texts: readonly string[],
  newline: Newline,
): void {
  const prev = lines[after];
  let eol: Eol = newline;
  let lastEol: Eol = newline;
  if (prev !== undefined) {
    if (prev.eol === "") {
      prev.eol = newline;
      lastEol = "";
    } else {
      eol = lastEol = prev.eol;
    }
  }
  const added = texts.map((text, i) => ({ text, eol: i === texts.length - 1 ? lastEol : eol }));
  lines.splice(after + 1, 0, ...added);
}

/** Deletes the given line indexes; when the old last line had no newline, the new last line has none. */
export function deleteLines(lines: PlainLine[], doomed: ReadonlySet<number>): PlainLine[] {
  const hadFinalNewline = (lines[lines.length - 1]?.eol ?? "\n") !== "";
  const kept = lines.filter((_, i) => !doomed.has(i));
  const last = kept[kept.length - 1];
  if (!hadFinalNewline && last !== undefined && doomed.has(lines.length - 1)) last.eol = "";
  return kept;
}

export function isBlank(l: PlainLine | undefined): boolean {
  return l !== undefined && pyStrip(l.text) === "";
}
