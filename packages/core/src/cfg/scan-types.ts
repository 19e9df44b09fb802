/** What the line scanner (scan.ts) produces: one record per line, and per section its options. */

export type LineKind = "section" | "option" | "continuation" | "comment" | "blank" | "invalid";
export type Eol = "" | "\n" | "\r\n";
export type PythonErrorClass =
  "MissingSectionHeaderError" | "ParsingError" | "DuplicateSectionError" | "DuplicateOptionError";

export interface ScannedLine {
  text: string;
  eol: Eol;
  kind: LineKind;
  /** The section the line is in (a header: its own name); undefined before the first header. */
  section: string | undefined;
  /** Index of the first non-whitespace character (text.length for a blank line). */
  indent: number;
  /** option: where the value starts (after the delimiter and spaces); continuation/section: the text. */
  valueStart: number;
  /** End of the value: inline comment and trailing whitespace excluded. */
  valueEnd: number;
  /** Index of the `#`/`;` that starts a comment on this line, or -1. */
  commentStart: number;
  /** option (lower-cased) or, for a continuation, the key it continues. */
  key: string | undefined;
  /** option: end of the key as written (trailing spaces excluded). */
  keyEnd: number;
  /** option: index of the `=` or `:` that ConfigParser splits on. */
  delim: number;
}

export interface OptionEntry {
  key: string;
  /** 0-based index of the key line. */
  line: number;
  /** 0-based index of its last continuation line (== line for a one-line value). */
  last: number;
  /** The raw value ConfigParser returns for it. */
  value: string;
  parts: string[] | undefined;
  pendingBlanks: number;
}

export interface SectionEntry {
  name: string;
  /** 0-based indexes of its header lines; only [DEFAULT] may have more than one. */
  headers: number[];
  options: Map<string, OptionEntry>;
}

export interface ScanProblem {
  pythonClass: PythonErrorClass;
  /** 0-based line index and column. */
  line: number;
  column: number;
  section?: string;
  key?: string;
  /** As written in the file (case kept), for messages. */
  rawKey?: string;
  /** 0-based index of the earlier line it clashes with (duplicates). */
  firstLine?: number;
  /** ParsingError detail. */
  reason?: "NO_DELIMITER" | "EMPTY_KEY";
}

export interface ScanResult {
  lines: ScannedLine[];
  sections: Map<string, SectionEntry>;
  defaults: SectionEntry;
  fatal: ScanProblem | undefined;
  parseErrors: ScanProblem[];
}
