/**
 * Plans for section edits: add an empty section (at the end, or after/before another one, with blank
 * lines like its neighbours), remove a section with its lines. The caller re-parses the result.
 */
import {
  blockEnd,
  copyLines,
  deleteLines,
  insertAfter,
  isBlank,
  sectionEntry,
  type PlainLine,
} from "./plan-lines.js";
import type { ScanResult, SectionEntry } from "./scan.js";
import type { Newline } from "./style.js";

export type SectionPlacement = { after: string } | { before: string } | "end";

/** Last line of a section's content: its last option's last line, or its header. */
function contentEnd(scan: ScanResult, section: SectionEntry): number {
  const header = section.headers[section.headers.length - 1] ?? 0;
  const end = blockEnd(scan.lines, header);
  let last = header;
  for (const o of section.options.values())
    if (o.line > header && o.line < end) last = Math.max(last, o.last);
  return last;
}

export function planAddSection(
  scan: ScanResult,
  newline: Newline,
  name: string,
  placement: SectionPlacement,
): PlainLine[] {
  const lines = copyLines(scan);
  const header = `[${name}]`;
  const anchor =
    placement === "end"
      ? undefined
      : sectionEntry(scan, "after" in placement ? placement.after : placement.before);
  if (anchor !== undefined && placement !== "end" && "before" in placement) {
    let at = anchor.headers[0] ?? 0;
    while (at > 0 && scan.lines[at - 1]?.kind === "comment") at--;
    const texts = at > 0 && !isBlank(lines[at - 1]) ? ["", header, ""] : [header, ""];
    insertAfter(lines, at - 1, texts, newline);
    return lines;
  }
  const after = anchor !== undefined ? contentEnd(scan, anchor) : lines.length - 1;
  const texts = after >= 0 && !isBlank(lines[after]) ? ["", header] : [header];
  const following = lines[after + 1];
  if (following !== undefined && !isBlank(following)) texts.push("");
  insertAfter(lines, after, texts, newline);
  return lines;
}

/**
 * Removes every block of a section. Comment lines right above the next header stay (they describe it);
 * comment lines right above this header go with it when a blank line sets them apart from what precedes.
 */
export function planRemoveSection(scan: ScanResult, section: SectionEntry): PlainLine[] {
  const doomed = new Set<number>();
  const n = scan.lines.length;
  for (const header of section.headers) {
    let above = header;
    while (above > 0 && scan.lines[above - 1]?.kind === "comment") above--;
    if (above < header && above > 0 && scan.lines[above - 1]?.kind === "blank") {
      for (let i = above; i < header; i++) doomed.add(i);
    }
    const end = blockEnd(scan.lines, header);
    let stop = end;
    if (end < n) {
      while (stop > header + 1 && scan.lines[stop - 1]?.kind === "comment") stop--;
    } else {
      let start = header;
      while (start > 0 && scan.lines[start - 1]?.kind === "blank") start--;
      for (let i = start; i < header; i++) doomed.add(i);
    }
    for (let i = header; i < stop; i++) doomed.add(i);
  }
  return deleteLines(copyLines(scan), doomed);
}
