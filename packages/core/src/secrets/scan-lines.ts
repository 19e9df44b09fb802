import { isAllowed } from "./allow.js";
import type { ScanLine } from "./cfg-line.js";
import { readCommentedOption } from "./commented-option.js";
import { describeSecret, isTokenShaped } from "./describe.js";
import {
  findHexInProse,
  findOfflineTokens,
  findSplitOfflineTokens,
  findUrlCredentials,
} from "./in-any-line.js";
import type { FindingPlace, Note, ScanResult } from "./finding.js";
import { fixFor } from "./fix-hint.js";
import { keyKindIn, type KeyKind } from "./secret-keys.js";
import { isPlaceholder, judgeValue, unquote } from "./value-rules.js";

type Piece = { text: string; line: number; column: number };
type Option = { section: string | null; key: string; pieces: Piece[]; place: FindingPlace };

function pieceOf(l: ScanLine): Piece {
  if (l.value !== undefined && l.valueColumn !== undefined) {
    return { text: l.value, line: l.line, column: l.valueColumn };
  }
  const lead = l.raw.length - l.raw.trimStart().length;
  return { text: l.raw.trim(), line: l.line, column: lead + 1 };
}

/** Options (with their continuation lines) and commented-out options, in file order. */
function collectOptions(lines: readonly ScanLine[]): { options: Option[]; sectionAt: (string | null)[] } {
  const options: Option[] = [];
  const sectionAt: (string | null)[] = [];
  let section: string | null = null;
  let current: Option | undefined;
  for (const l of lines) {
    if (l.kind === "section") {
      section = l.section ?? section;
      current = undefined;
    } else if (l.kind === "option" && l.key !== undefined) {
      current = { section: l.section ?? section, key: l.key, pieces: [pieceOf(l)], place: "value" };
      options.push(current);
      // `x = y ; token = …`: ConfigParser cuts the ` ;` comment off, git keeps the token in it.
      const inComment = l.commentText === undefined ? undefined : readCommentedOption(`#${l.commentText}`);
      if (inComment !== undefined && l.commentColumn !== undefined) {
        const column = l.commentColumn + inComment.valueColumn - 2;
        options.push({
          section: current.section,
          key: inComment.key,
          pieces: [{ text: inComment.value, line: l.line, column }],
          place: "comment",
        });
      }
    } else if (l.kind === "continuation" && current !== undefined) {
      const piece = pieceOf(l);
      if (l.key === undefined || l.key === current.key) current.pieces.push(piece);
      // An indented `token = …` under another option is part of that option's value for Ansible,
      // but the token is in the file all the same.
      const inner = readCommentedOption(`#${piece.text}`);
      if (inner !== undefined && keyKindIn(section, inner.key) !== undefined) {
        const column = piece.column + inner.valueColumn - 2;
        options.push({
          section,
          key: inner.key,
          pieces: [{ text: inner.value, line: l.line, column }],
          place: "value",
        });
      }
    } else if (l.kind === "comment" || l.kind === "invalid") {
      // An invalid line (say, an option before any section header) is read like a commented one.
      const inner = readCommentedOption(l.kind === "comment" ? l.raw : `#${l.raw}`);
      if (inner !== undefined) {
        const column = l.kind === "comment" ? inner.valueColumn : inner.valueColumn - 1;
        const place = l.kind === "comment" ? "comment" : "value";
        options.push({
          section,
          key: inner.key,
          pieces: [{ text: inner.value, line: l.line, column }],
          place,
        });
      }
      if (l.kind === "invalid") current = undefined;
    }
    sectionAt[l.line] = section;
  }
  return { options, sectionAt };
}

function envNote(path: string, o: Option, p: Piece, variable: string, text: string): Note {
  const fix = fixFor(o.section, o.key);
  const instead =
    fix === "hub-setup"
      ? "run `hub-setup`, which keeps the token in its store"
      : `export ${fix}="$${variable}" instead`;
  return {
    path,
    line: p.line,
    column: p.column,
    key: o.key,
    section: o.section,
    message: `\`${text}\` is not expanded: Ansible reads ansible.cfg literally and would send this text as the ${o.key}. Delete the line and ${instead}`,
  };
}

/** Options by section (`DEFAULT` too) and key, for `%(name)s` interpolation. */
type OptionIndex = Map<string, Map<string, Option>>;

function indexOptions(options: readonly Option[]): OptionIndex {
  const index: OptionIndex = new Map();
  for (const o of options) {
    if (o.place !== "value") continue;
    const section = o.section ?? "DEFAULT";
    const keys = index.get(section) ?? new Map<string, Option>();
    keys.set(o.key, o);
    index.set(section, keys);
  }
  return index;
}

const INTERPOLATION = /^%\(([^)]+)\)s$/;

/** ConfigParser's BasicInterpolation gives up after this many levels (MAX_INTERPOLATION_DEPTH). */
const MAX_DEPTH = 10;

/**
 * `token = %(hubtok)s`: Ansible's ConfigParser fills it from `hubtok` in the same section or
 * `[DEFAULT]`, and goes on through `hubtok = %(prod)s` to `prod`, up to ten levels, always looking in
 * the section of the option read: a secret at the end of that chain is the token, whatever its key is
 * called. Reported where it sits. A chain through another secret's key is reported at that key.
 */
function interpolated(o: Option, index: OptionIndex): Option | undefined {
  if (o.place !== "value") return undefined;
  const section = o.section ?? "DEFAULT";
  let current = o;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const text = current.pieces.map((p) => p.text.trim()).join("");
    const name = INTERPOLATION.exec(unquote(text).text)?.[1]?.toLowerCase();
    if (name === undefined) return current === o ? undefined : current;
    const target = index.get(section)?.get(name) ?? index.get("DEFAULT")?.get(name);
    if (target === undefined || target === o || target === current) return undefined;
    if (keyKindIn(target.section, target.key) !== undefined) return undefined;
    current = target;
  }
  return undefined;
}

function evaluate(path: string, o: Option, out: ScanResult, index: OptionIndex): void {
  const ownKind = keyKindIn(o.section, o.key);
  if (ownKind === undefined) return;
  const target = interpolated(o, index);
  if (target !== undefined) {
    evaluateAs(path, target, ownKind, fixFor(o.section, o.key), out);
    return;
  }
  evaluateAs(path, o, ownKind, fixFor(o.section, o.key), out);
}

function evaluateAs(path: string, o: Option, keyKind: KeyKind, fix: string, out: ScanResult): void {
  const pieces = o.pieces.filter((p) => p.text.trim().length > 0);
  const first = pieces[0];
  if (first === undefined) return;
  const joined = pieces.map((p) => p.text.trim()).join("");
  const { text, offset } = pieces.length === 1 ? unquote(first.text.trim()) : { text: joined, offset: 0 };
  const oneWord = o.place === "comment" || keyKind !== "password";
  const verdict =
    isTokenShaped(text) && !isPlaceholder(text) ? { secret: true as const } : judgeValue(text, oneWord);
  if (!verdict.secret) {
    if (verdict.why === "env-reference" && o.place === "value") {
      out.notes.push(envNote(path, o, first, verdict.variable, verdict.shown));
    }
    return;
  }
  // The secret may be part of the value only: the default of `${VAR:-secret}`.
  const secret = verdict.inner?.text ?? text;
  const { kind, redacted } = describeSecret(secret, keyKind);
  const lead = text.length - text.trimStart().length;
  const column = first.column + offset + lead + (verdict.inner?.start ?? 0);
  const width =
    verdict.inner !== undefined
      ? verdict.inner.text.length
      : pieces.length === 1
        ? text.trim().length
        : first.text.trim().length;
  out.findings.push({
    path,
    line: first.line,
    column,
    endColumn: column + width,
    kind,
    key: o.key,
    section: o.section,
    redacted,
    fix,
    place: o.place,
  });
}

/** Every plaintext secret in one ansible.cfg-like file, from its line-level view. */
export function scanLines(path: string, lines: readonly ScanLine[]): ScanResult {
  const out: ScanResult = { findings: [], notes: [] };
  const { options, sectionAt } = collectOptions(lines);
  const index = indexOptions(options);
  for (const o of options) evaluate(path, o, out, index);
  findUrlCredentials(path, lines, sectionAt, out);
  findOfflineTokens(path, lines, sectionAt, out);
  findSplitOfflineTokens(path, lines, sectionAt, out);
  findHexInProse(path, lines, sectionAt, out);
  const raws = lines.map((l) => l.raw);
  out.findings = out.findings
    .filter((f) => !isAllowed(raws, f.line))
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return out;
}
