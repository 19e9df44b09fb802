/**
 * ConfigParseError: ansible.cfg text that Ansible refuses, named after the ConfigParser exception it
 * corresponds to. Messages point at the line and say what to do; they quote at most a key or section
 * name, never a value or a whole line (a refused line may well be a pasted token).
 */
import { HubSetupError } from "../errors.js";
import type { PythonErrorClass, ScannedLine, ScanProblem } from "./scan.js";

export class ConfigParseError extends HubSetupError {
  override name = "ConfigParseError";
  readonly pythonClass: PythonErrorClass;
  /** 1-based line and column of the first problem. */
  readonly line: number;
  readonly column: number;
  /** Every line ConfigParser complained about (more than one only for ParsingError). */
  readonly lines: number[];

  constructor(
    pythonClass: PythonErrorClass,
    message: string,
    where: { line: number; column: number; lines?: number[]; hint?: string },
  ) {
    super("CONFIG_PARSE", message, where.hint === undefined ? {} : { hint: where.hint });
    this.pythonClass = pythonClass;
    this.line = where.line;
    this.column = where.column;
    this.lines = where.lines ?? [where.line];
  }
}

const REFUSES = "Ansible refuses this file";

export function parseErrorFrom(
  problem: ScanProblem,
  lines: readonly ScannedLine[],
  moreErrors: readonly ScanProblem[] = [],
): ConfigParseError {
  const line = problem.line + 1;
  const column = problem.column + 1;
  const text = lines[problem.line]?.text ?? "";
  switch (problem.pythonClass) {
    case "MissingSectionHeaderError": {
      if (problem.line === 0 && text.charCodeAt(0) === 0xfeff) {
        return new ConfigParseError(
          "MissingSectionHeaderError",
          `line 1: the file starts with a UTF-8 byte-order mark (BOM); ${REFUSES}.`,
          { line, column: 1, hint: "Save the file as UTF-8 without BOM (most editors call it plain UTF-8)." },
        );
      }
      return new ConfigParseError(
        "MissingSectionHeaderError",
        `line ${line}: text comes before any [section] header; ${REFUSES}.`,
        {
          line,
          column,
          hint: "Start the file with a section header such as [defaults], or delete the line.",
        },
      );
    }
    case "DuplicateSectionError":
      return new ConfigParseError(
        "DuplicateSectionError",
        `line ${line}: section [${problem.section ?? ""}] appears again (first at line ${(problem.firstLine ?? 0) + 1}); ${REFUSES}.`,
        { line, column, hint: "Merge the two sections into one." },
      );
    case "DuplicateOptionError": {
      const first = lines[problem.firstLine ?? 0];
      const firstRaw = first === undefined ? undefined : first.text.slice(first.indent, first.keyEnd);
      const caseNote =
        firstRaw !== undefined && firstRaw !== problem.rawKey
          ? ` (keys ignore case: \`${firstRaw}\` and \`${problem.rawKey ?? ""}\` are the same key)`
          : "";
      return new ConfigParseError(
        "DuplicateOptionError",
        `line ${line}: duplicate key \`${problem.key ?? ""}\` in [${problem.section ?? ""}] (first at line ${(problem.firstLine ?? 0) + 1})${caseNote}; ${REFUSES}.`,
        { line, column, hint: "Keep one of the two lines and delete the other." },
      );
    }
    case "ParsingError": {
      const all = [problem, ...moreErrors.filter((p) => p !== problem)].map((p) => p.line + 1);
      const more =
        all.length > 1
          ? ` (and ${all.length - 1} more: line ${all.slice(1, 6).join(", ")}${all.length > 6 ? ", …" : ""})`
          : "";
      const what = describeBadLine(problem, text);
      return new ConfigParseError("ParsingError", `line ${line}: ${what}${more}; ${REFUSES}.`, {
        line,
        column,
        lines: all,
        hint: text.trimStart().startsWith("<<<<<<<")
          ? "Resolve the git merge conflict in the file."
          : "Write options as `key = value`, indent continuation lines, or start comments with # or ;.",
      });
    }
  }
}

function describeBadLine(problem: ScanProblem, text: string): string {
  if (problem.reason === "EMPTY_KEY") return "an option with no name (the line starts with `=` or `:`)";
  if (/^\s*(<{7}|={7}|>{7})/.test(text)) return "a git merge-conflict marker";
  return "a line that is neither `key = value`, a [section] header nor a comment (no `=` or `:` in it)";
}
