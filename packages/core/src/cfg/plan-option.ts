/**
 * Plans for option edits: set a value (one line or several), remove an option. A value is replaced in
 * place, keeping the key as written, its delimiter, spacing and inline comment; continuation lines are
 * rewritten only where they differ. The caller re-parses the result to check it.
 */
import { blockEnd, copyLines, deleteLines, insertAfter, type PlainLine } from "./plan-lines.js";
import type { OptionEntry, ScannedLine, ScanResult, SectionEntry } from "./scan.js";
import { continuationIndent, delimiterStyle, emptyValueStyle, indentOf, type Newline } from "./style.js";

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
