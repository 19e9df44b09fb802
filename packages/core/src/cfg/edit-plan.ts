/**
 * Line-level plans for edits. Each function takes the scan of a valid file and returns the complete new
 * list of lines (or undefined when nothing changes). Lines not involved are passed through as they were;
 * the caller re-parses the result and checks that ConfigParser reads back exactly what was intended.
 */
import type { Eol, OptionEntry, ScannedLine, ScanResult, SectionEntry } from "./scan.js";
import { pyStrip } from "./python-text.js";
import { continuationIndent, delimiterStyle, emptyValueStyle, indentOf, type Newline } from "./style.js";

export interface PlainLine {
  text: string;
  eol: Eol;
}

export type SectionPlacement = { after: string } | { before: string } | "end";

function copyLines(scan: ScanResult): PlainLine[] {
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
function blockEnd(lines: readonly ScannedLine[], header: number): number {
  for (let i = header + 1; i < lines.length; i++) if (lines[i]?.kind === "section") return i;
  return lines.length;
}

/** Inserts `texts` as new lines after index `after` (-1: at the top), keeping a missing final newline missing. */
function insertAfter(lines: PlainLine[], after: number, texts: readonly string[], newline: Newline): void {
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
function deleteLines(lines: PlainLine[], doomed: ReadonlySet<number>): PlainLine[] {
  const hadFinalNewline = (lines[lines.length - 1]?.eol ?? "\n") !== "";
  const kept = lines.filter((_, i) => !doomed.has(i));
  const last = kept[kept.length - 1];
  if (!hadFinalNewline && last !== undefined && doomed.has(lines.length - 1)) last.eol = "";
  return kept;
}

function afterDelimiter(style: string): string {
  const m = /[=:]/.exec(style);
  return m == null ? " " : style.slice(m.index + 1);
}

function valueParts(scan: ScanResult, opt: OptionEntry): { index: number; part: string }[] {
  const out: { index: number; part: string }[] = [];
  for (let i = opt.line; i <= opt.last; i++) {
    const l = scan.lines[i];
    if (l !== undefined && (i === opt.line || l.kind === "continuation")) {
      out.push({ index: i, part: l.text.slice(l.valueStart, l.valueEnd) });
    }
  }
  return out;
}

function rewriteKeyLine(line: ScannedLine, value: string, style: string): string {
  const t = line.text;
  const d = line.delim;
  const tail = t.slice(line.valueEnd);
  if (value === "") return t.slice(0, d + 1) + tail;
  if (line.valueStart === line.valueEnd) {
    const gap = line.valueStart > d + 1 ? t.slice(d + 1, line.valueStart) : afterDelimiter(style);
    return t.slice(0, d + 1) + gap + value + tail;
  }
  return t.slice(0, line.valueStart) + value + tail;
}

/** Sets `key` in an existing section to a value of one or more lines (parts[1..] become continuations). */
export function planWriteOption(
  scan: ScanResult,
  newline: Newline,
  section: SectionEntry,
  key: string,
  parts: readonly string[],
): PlainLine[] | undefined {
  const opt = section.options.get(key);
  const style = delimiterStyle(scan, section.name);
  const lines = copyLines(scan);
  if (opt !== undefined) return rewriteOption(scan, lines, opt, parts, style, newline);

  const header = section.headers[section.headers.length - 1] ?? 0;
  const end = blockEnd(scan.lines, header);
  let after = header;
  let indent: string | undefined;
  for (const o of section.options.values()) {
    if (o.line > header && o.line < end && o.last >= after) {
      after = o.last;
      indent = indentOf(scan.lines[o.line] as ScannedLine);
    }
  }
  if (indent === undefined) {
    // No option yet: indent like the file's first option, but an indented line that follows would
    // become our continuation unless we indent at least as deep.
    const firstOption = scan.lines.find((l) => l.kind === "option");
    indent = firstOption === undefined ? "" : indentOf(firstOption);
    for (let i = header + 1; i < scan.lines.length; i++) {
      const l = scan.lines[i] as ScannedLine;
      if (l.kind === "blank" || l.kind === "comment") continue;
      if (l.indent > indent.length) indent = indentOf(l);
      break;
    }
  }
  const first = parts[0] ?? "";
  const texts = [indent + key + (first === "" ? emptyValueStyle(style) : style + first)];
  const contIndent = continuationIndent(scan, indent);
  for (const p of parts.slice(1)) texts.push(contIndent + p);
  insertAfter(lines, after, texts, newline);
  return lines;
}

function rewriteOption(
  scan: ScanResult,
  lines: PlainLine[],
  opt: OptionEntry,
  parts: readonly string[],
  style: string,
  newline: Newline,
): PlainLine[] | undefined {
  const old = valueParts(scan, opt);
  if (old.length === parts.length && old.every((o, i) => o.part === parts[i])) return undefined;
  const keyLine = scan.lines[opt.line] as ScannedLine;
  if (old[0]?.part !== parts[0])
    (lines[opt.line] as PlainLine).text = rewriteKeyLine(keyLine, parts[0] ?? "", style);

  const doomed = new Set<number>();
  let next = 1;
  let lastValueLine = opt.line;
  for (let i = opt.line + 1; i <= opt.last; i++) {
    const l = scan.lines[i] as ScannedLine;
    if (l.kind === "blank") doomed.add(i);
    else if (l.kind === "continuation") {
      const want = parts[next];
      if (want === undefined) doomed.add(i);
      else {
        if (want !== l.text.slice(l.valueStart, l.valueEnd)) {
          (lines[i] as PlainLine).text = l.text.slice(0, l.valueStart) + want + l.text.slice(l.valueEnd);
        }
        lastValueLine = i;
        next++;
      }
    }
  }
  if (next < parts.length) {
    const lastCont = scan.lines[lastValueLine] as ScannedLine;
    const indent =
      lastValueLine === opt.line ? continuationIndent(scan, indentOf(keyLine)) : indentOf(lastCont);
    insertAfter(
      lines,
      lastValueLine,
      parts.slice(next).map((p) => indent + p),
      newline,
    );
    // Indexes after the insertion point moved; doomed lines all lie before it or were not needed.
    const shift = parts.length - next;
    const moved = new Set<number>();
    for (const i of doomed) moved.add(i > lastValueLine ? i + shift : i);
    return deleteLines(lines, moved);
  }
  return deleteLines(lines, doomed);
}

/** Removes an option with its continuation lines; comment lines among them stay. */
export function planRemoveOption(scan: ScanResult, opt: OptionEntry): PlainLine[] {
  const doomed = new Set<number>();
  for (let i = opt.line; i <= opt.last; i++) {
    if ((scan.lines[i] as ScannedLine).kind !== "comment") doomed.add(i);
  }
  return deleteLines(copyLines(scan), doomed);
}

/** Last line of a section's content: its last option's last line, or its header. */
function contentEnd(scan: ScanResult, section: SectionEntry): number {
  const header = section.headers[section.headers.length - 1] ?? 0;
  const end = blockEnd(scan.lines, header);
  let last = header;
  for (const o of section.options.values())
    if (o.line > header && o.line < end) last = Math.max(last, o.last);
  return last;
}

function isBlank(l: PlainLine | undefined): boolean {
  return l !== undefined && pyStrip(l.text) === "";
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
