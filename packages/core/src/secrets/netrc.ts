/**
 * `.netrc` / `_netrc` credentials (curl, git, pip and ansible's `url` lookups read them): tokens
 * separated by white space, `machine NAME` (or `default`) then `login`, `password`, `account`. The
 * value after `password` and `account` is judged like any password. Read whole in a file of that name;
 * elsewhere only from a line that starts the netrc way (`machine …`, `default …`, as a doc shows the
 * file), so that prose with the word "password" in it is not.
 */
import type { ScanLine } from "./cfg-line.js";
import { describeSecret } from "./describe.js";
import type { ScanResult } from "./finding.js";
import { isPlaceholder, judgeValue, unquote } from "./value-rules.js";

const NETRC_NAMES = new Set([".netrc", "_netrc"]);
/**
 * A line that starts a netrc entry (after indentation): `machine HOST` or `default`, alone or followed
 * by a netrc keyword (`machine hub login admin …`), so that a sentence starting "Machine" is not one.
 */
const ENTRY_START =
  /^[ \t]*(?:machine[ \t]+\S+|default)[ \t]*(?:$|(?:login|password|account|port|macdef)(?:[ \t]|$))/;
/** A netrc keyword that may start a line inside an entry. */
const ENTRY_KEYWORD = /^[ \t]*(?:login|password|account|port|macdef)(?:[ \t]|$)/;
const WORD = /\S+/g;

export function isNetrcName(baseName: string): boolean {
  return NETRC_NAMES.has(baseName.toLowerCase());
}

function taken(out: ScanResult, line: number, column: number, endColumn: number): boolean {
  return out.findings.some((f) => f.line === line && f.column < endColumn && column < f.endColumn);
}

/** Whether a line cheaply may hold a netrc password (`password` or `account` in it). */
function mayHoldSecret(raw: string): boolean {
  return raw.includes("password") || raw.includes("account");
}

/** Passwords (and accounts) in netrc entries: the whole file for `.netrc`, else lines in netrc layout. */
export function findNetrcPasswords(
  path: string,
  lines: readonly ScanLine[],
  wholeFile: boolean,
  out: ScanResult,
): void {
  let inEntry = false;
  let pending: string | undefined;
  for (const l of lines) {
    if (!wholeFile) {
      inEntry = ENTRY_START.test(l.raw) || (inEntry && ENTRY_KEYWORD.test(l.raw));
      if (!inEntry) {
        pending = undefined;
        continue;
      }
    }
    if (pending === undefined && !mayHoldSecret(l.raw)) continue;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(l.raw); m != null; m = WORD.exec(l.raw)) {
      const word = m[0];
      if (pending === undefined) {
        if (word === "password" || word === "account") pending = word;
        else if (wholeFile && word.startsWith("#")) break;
        continue;
      }
      const key = pending;
      pending = undefined;
      const { text, offset } = unquote(word);
      if (!judgeValue(text, false).secret || isPlaceholder(text)) continue;
      const column = m.index + offset + 1;
      if (taken(out, l.line, column, column + text.length)) continue;
      const { kind, redacted } = describeSecret(text, "password");
      out.findings.push({
        path,
        line: l.line,
        column,
        endColumn: column + text.length,
        kind,
        key,
        section: null,
        redacted,
        fix: "hub-setup",
        place: "value",
      });
    }
  }
}
