/**
 * One pass over ansible.cfg text that mirrors CPython 3.11's `RawConfigParser._read` line by line, as
 * ansible-core configures it (`inline_comment_prefixes=(";",)`, everything else default). Both the strict
 * parser and the tolerant tokenizer use it, so they can never disagree on what a line is.
 *
 * Lines are split on "\n" only (Python's StringIO does the same); a "\r" before the "\n" is kept aside as
 * part of the line ending, which changes nothing because Python strips it as whitespace anyway.
 */
import { isPySpace, pyLower, pyRStrip, skipSpace, trimEnd } from "./python-text.js";
import type { Eol, OptionEntry, ScannedLine, ScanProblem, ScanResult, SectionEntry } from "./scan-types.js";

export type {
  Eol,
  LineKind,
  OptionEntry,
  PythonErrorClass,
  ScannedLine,
  ScanProblem,
  ScanResult,
  SectionEntry,
} from "./scan-types.js";

const SEMI = 0x3b;
const HASH = 0x23;
const LBRACKET = 0x5b;

/**
 * strict: stop at the first error ConfigParser raises at once (missing header, duplicates), as Python
 * does. tolerant: never stop — lines before any header belong to no section, a leading BOM is skipped,
 * duplicates are classified like any other line (the later one wins, as with strict=False).
 */
export function scanConfig(text: string, tolerant: boolean): ScanResult {
  const lines: ScannedLine[] = [];
  const sections = new Map<string, SectionEntry>();
  const defaults: SectionEntry = { name: "DEFAULT", headers: [], options: new Map() };
  const parseErrors: ScanProblem[] = [];
  let cur: SectionEntry | undefined = tolerant ? { name: "", headers: [], options: new Map() } : undefined;
  let curName: string | undefined;
  let opt: OptionEntry | undefined; // Python's `optname`, when it is truthy
  let indentLevel = 0;
  let fatal: ScanProblem | undefined;
  const n = text.length;
  let pos = 0;

  while (pos < n) {
    const nl = text.indexOf("\n", pos);
    let end: number;
    let eol: Eol;
    let next: number;
    if (nl === -1) {
      end = next = n;
      eol = "";
    } else {
      next = nl + 1;
      if (nl > pos && text.charCodeAt(nl - 1) === 13) {
        end = nl - 1;
        eol = "\r\n";
      } else {
        end = nl;
        eol = "\n";
      }
    }
    const t = text.slice(pos, end);
    pos = next;
    const idx = lines.length;
    const len = t.length;
    const base = tolerant && idx === 0 && t.charCodeAt(0) === 0xfeff ? 1 : 0;

    // Inline comment: the first `;` at the start of the line or after whitespace.
    let cs = -1;
    let semi = t.indexOf(";", base);
    while (semi !== -1) {
      if (semi === base || isPySpace(t.charCodeAt(semi - 1))) {
        cs = semi;
        break;
      }
      semi = t.indexOf(";", semi + 1);
    }
    const fns = skipSpace(t, base, len);
    if (fns < len) {
      const c = t.charCodeAt(fns);
      if (c === HASH || c === SEMI) cs = fns; // whole-line comment
    }
    const ve = trimEnd(t, fns, cs === -1 ? len : cs);
    const line: ScannedLine = {
      text: t,
      eol,
      kind: "blank",
      section: curName,
      indent: fns,
      valueStart: fns,
      valueEnd: ve,
      commentStart: cs,
      key: undefined,
      keyEnd: -1,
      delim: -1,
    };
    lines.push(line);

    if (ve <= fns) {
      if (cs !== -1) line.kind = "comment";
      else if (opt !== undefined) opt.pendingBlanks++; // empty_lines_in_values
      continue;
    }

    if (opt !== undefined && fns > indentLevel) {
      line.kind = "continuation";
      line.key = opt.key;
      if (opt.parts === undefined) opt.parts = [opt.value];
      for (; opt.pendingBlanks > 0; opt.pendingBlanks--) opt.parts.push("");
      opt.parts.push(t.slice(fns, ve));
      opt.last = idx;
      continue;
    }
    indentLevel = fns;

    if (t.charCodeAt(fns) === LBRACKET) {
      const close = t.lastIndexOf("]", ve - 1);
      if (close >= fns + 2) {
        const name = t.slice(fns + 1, close);
        line.kind = "section";
        line.section = curName = name;
        line.valueEnd = ve;
        opt = undefined;
        const existing = name === "DEFAULT" ? defaults : sections.get(name);
        if (existing === undefined) {
          cur = { name, headers: [idx], options: new Map() };
          sections.set(name, cur);
        } else {
          if (existing !== defaults && !tolerant) {
            fatal = {
              pythonClass: "DuplicateSectionError",
              line: idx,
              column: fns,
              section: name,
              firstLine: existing.headers[0] ?? idx,
            };
            break;
          }
          existing.headers.push(idx);
          cur = existing;
        }
        continue;
      }
    }
    if (cur === undefined) {
      fatal = { pythonClass: "MissingSectionHeaderError", line: idx, column: fns };
      break;
    }

    const eq = t.indexOf("=", fns);
    const co = t.indexOf(":", fns);
    const d = eq === -1 || eq >= ve ? (co === -1 || co >= ve ? -1 : co) : co === -1 || co > eq ? eq : co;
    if (d === -1) {
      line.kind = "invalid";
      parseErrors.push({ pythonClass: "ParsingError", line: idx, column: fns, reason: "NO_DELIMITER" });
      continue;
    }
    const keyEnd = trimEnd(t, fns, d);
    const rawKey = t.slice(fns, keyEnd);
    const key = pyLower(rawKey);
    line.kind = "option";
    line.key = key;
    line.keyEnd = keyEnd;
    line.delim = d;
    line.valueStart = skipSpace(t, d + 1, ve);
    if (key.length === 0) {
      line.kind = "invalid";
      parseErrors.push({ pythonClass: "ParsingError", line: idx, column: fns, reason: "EMPTY_KEY" });
    }
    const clash = cur.options.get(key);
    if (clash !== undefined && !tolerant) {
      fatal = {
        pythonClass: "DuplicateOptionError",
        line: idx,
        column: fns,
        section: cur.name,
        key,
        rawKey,
        firstLine: clash.line,
      };
      break;
    }
    const entry: OptionEntry = {
      key,
      line: idx,
      last: idx,
      value: t.slice(line.valueStart, ve),
      parts: undefined,
      pendingBlanks: 0,
    };
    cur.options.set(key, entry);
    opt = key.length > 0 ? entry : undefined;
  }

  if (fatal === undefined) {
    finishValues(defaults);
    for (const s of sections.values()) finishValues(s);
  }
  return { lines, sections, defaults, fatal, parseErrors };
}

function finishValues(section: SectionEntry): void {
  for (const o of section.options.values()) {
    if (o.parts !== undefined) {
      o.value = pyRStrip(o.parts.join("\n"));
      o.parts = undefined;
    }
    o.pendingBlanks = 0;
  }
}
