/**
 * Secrets found by their shape wherever they sit in a line — an option's value, a comment, a line
 * Ansible cannot parse: a Red Hat offline token, and credentials written into a URL.
 */
import type { ScanLine } from "./cfg-line.js";
import { readCommentedOption } from "./commented-option.js";
import { describeSecret, offlineToken } from "./describe.js";
import type { Finding, FindingKind, FindingPlace, ScanResult } from "./finding.js";
import { fixFor } from "./fix-hint.js";
import { isObjectIdAt } from "./git-ids.js";
import { jwtSpans } from "./jwt-spans.js";
import { urlCredentials, type UrlCredential } from "./url-credentials.js";
import { wrappedAfter } from "./wrapped-jwt.js";
import { isBase64Url } from "./char-classes.js";
import { urlsInText } from "./urls-in-text.js";
import { isPlaceholder } from "./value-rules.js";

type Context = { section: string | null; key: string | null; place: FindingPlace };

/** The option a line's text belongs to (its own, or the one in a comment), and where it sits. */
function contextOf(l: ScanLine, section: string | null): Context {
  const inValue = (l.kind === "option" || l.kind === "continuation") && l.key !== undefined;
  const key = inValue ? (l.key ?? null) : (readCommentedOption(l.raw)?.key ?? null);
  const place: FindingPlace = inValue ? "value" : l.kind === "comment" ? "comment" : "text";
  return { section, key, place };
}

/** Whether a finding already covers part of [column, endColumn) on this line. */
function taken(out: ScanResult, line: number, column: number, endColumn: number): boolean {
  return out.findings.some((f) => f.line === line && f.column < endColumn && column < f.endColumn);
}

/** The environment variable a galaxy server reads instead of this URL credential. */
function variableKey(c: UrlCredential): string {
  if (c.what === "password") return "password";
  return c.what === "client secret" ? "client_secret" : "token";
}

function urlFinding(path: string, l: ScanLine, c: UrlCredential, at: Context): Finding {
  const password = c.what === "password";
  return {
    path,
    line: l.line,
    column: c.start + 1,
    endColumn: c.end + 1,
    kind: password ? "password in url" : "token in url",
    key: at.key,
    section: at.section,
    // A password is chosen by a person: only its length, as for `password = …`.
    redacted: password ? `password (${c.value.length} chars)` : describeSecret(c.value, c.what).redacted,
    fix: fixFor(at.section, variableKey(c)),
    place: at.place,
  };
}

/** `https://user:PASSWORD@host`, `?token=…`: flagged in any section, in comments too. */
export function findUrlCredentials(
  path: string,
  lines: readonly ScanLine[],
  sectionAt: (string | null)[],
  out: ScanResult,
): void {
  for (const l of lines) {
    for (const c of urlCredentials(l.raw)) {
      if (taken(out, l.line, c.start + 1, c.end + 1)) continue;
      out.findings.push(urlFinding(path, l, c, contextOf(l, sectionAt[l.line] ?? null)));
    }
  }
}

/** A Red Hat offline token anywhere in the file (a url, a comment, an invalid line) is a leak too. */
export function findOfflineTokens(
  path: string,
  lines: readonly ScanLine[],
  sectionAt: (string | null)[],
  out: ScanResult,
): void {
  for (const l of lines) {
    for (const span of jwtSpans(l.raw)) {
      const column = span.start + 1;
      if (taken(out, l.line, column, column + span.text.length)) continue;
      const offline = offlineToken(span.text);
      if (offline === undefined) continue;
      const at = contextOf(l, sectionAt[l.line] ?? null);
      out.findings.push({
        path,
        line: l.line,
        column,
        endColumn: column + span.text.length,
        kind: offline.kind,
        key: at.key,
        section: at.section,
        redacted: offline.redacted,
        fix: fixFor(at.section, at.key),
        place: at.place,
      });
    }
  }
}

/** The comment markers and spaces that start a comment line's text (`# `, `; `, `// `, `-- `). */
const COMMENT_LEAD = /^\s*(?:[#;]+|\/\/|--)?\s*/;

/** The last word of a line (0-based start), or undefined for a blank line. */
function lastWord(raw: string): { start: number; text: string } | undefined {
  const trimmed = raw.trimEnd();
  let start = trimmed.length;
  while (start > 0 && !/\s/.test(trimmed.charAt(start - 1))) start--;
  return start < trimmed.length ? { start, text: trimmed.slice(start) } : undefined;
}

/** Kinds a name rule gives a value it cannot place: a decoded token's kind says more. */
const GENERIC_KINDS: ReadonlySet<FindingKind> = new Set(["token", "secret", "api key", "password"]);

/** The Red Hat SSO token that one of `joins` holds from its start, running past the first `firstLength` characters. */
function tokenAcross(joins: readonly string[], firstLength: number): ReturnType<typeof offlineToken> {
  for (const text of joins) {
    const span = jwtSpans(text)[0];
    if (span === undefined || span.start !== 0 || span.end <= firstLength) continue;
    const found = offlineToken(span.text);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * An offline or refresh token wrapped over lines: the last word of one line and the first word of the
 * next (a comment pasted at 80 columns), or whole lines of token text after it (an indented block, a
 * `\` continuation: wrappedAfter). Reported on the first line.
 */
export function findSplitOfflineTokens(
  path: string,
  lines: readonly ScanLine[],
  sectionAt: (string | null)[],
  out: ScanResult,
): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i];
    const next = lines[i + 1];
    // The tail must hold `eyJ`: a line without one is done before its last word is read.
    if (l === undefined || next === undefined || !l.raw.includes("eyJ")) continue;
    const tail = lastWord(l.raw);
    if (tail === undefined || !tail.text.includes("eyJ")) continue;
    const eyj = tail.text.indexOf("eyJ");
    const column = tail.start + eyj + 1;
    const endColumn = tail.start + tail.text.length + 1;
    // A name rule may have taken the first part as a value of its own (`refresh_token=eyJ…\`): the
    // decoded token says more, so it takes that finding's place (and keeps its key).
    const before = out.findings.findIndex(
      (f) => f.line === l.line && f.column < endColumn && column < f.endColumn,
    );
    const generic = before >= 0 && GENERIC_KINDS.has(out.findings[before]?.kind ?? "token");
    if (before >= 0 && !generic) continue;
    const lead = COMMENT_LEAD.exec(next.raw)?.[0].length ?? 0;
    const head = /^\S+/.exec(next.raw.slice(lead))?.[0];
    const first = tail.text.slice(eyj);
    const wrapped = wrappedAfter(first, lines, i);
    const joins = head === undefined ? wrapped.joined : [first + head, ...wrapped.joined];
    const found = tokenAcross(joins, wrapped.first.length);
    if (found === undefined) continue;
    const at = contextOf(l, sectionAt[l.line] ?? null);
    const finding: Finding = {
      path,
      line: l.line,
      column,
      endColumn,
      kind: found.kind,
      key: at.key,
      section: at.section,
      redacted: found.redacted,
      fix: fixFor(at.section, at.key),
      place: at.place,
    };
    const replaced = generic ? out.findings[before] : undefined;
    if (replaced === undefined) out.findings.push(finding);
    else out.findings[before] = { ...finding, key: replaced.key, fix: replaced.fix, place: replaced.place };
  }
}

/** 0-based [start, end) of each run of exactly 40 hex digits standing alone as a word. */
function hexWords(raw: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const hex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
  let i = 0;
  while (i < raw.length) {
    if (!hex(raw.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < raw.length && hex(raw.charCodeAt(end))) end++;
    const before = i === 0 ? 32 : raw.charCodeAt(i - 1);
    const after = end >= raw.length ? 32 : raw.charCodeAt(end);
    if (end - i === 40 && !isBase64Url(before) && !isBase64Url(after)) out.push({ start: i, end });
    i = end;
  }
  return out;
}

/**
 * A hub API token (40 hex) in prose that calls it a token (`# prod hub token: 0f1e…`). A 40-hex word
 * on a line that does not say "token", inside a URL, or where git ids and checksums sit (isObjectIdAt)
 * is taken for a git object id and left alone.
 */
export function findHexInProse(
  path: string,
  lines: readonly ScanLine[],
  sectionAt: (string | null)[],
  out: ScanResult,
): void {
  for (const l of lines) {
    if (!/token/i.test(l.raw)) continue;
    const urls = urlsInText(l.raw).map((u) => [u.start, u.start + u.text.length] as const);
    for (const w of hexWords(l.raw)) {
      if (urls.some(([s, e]) => w.start >= s && w.start < e)) continue;
      if (isObjectIdAt(l.raw, w.start, w.end)) continue;
      if (taken(out, l.line, w.start + 1, w.end + 1)) continue;
      const text = l.raw.slice(w.start, w.end);
      if (isPlaceholder(text)) continue;
      const at = contextOf(l, sectionAt[l.line] ?? null);
      out.findings.push({
        path,
        line: l.line,
        column: w.start + 1,
        endColumn: w.end + 1,
        kind: "hub token",
        key: at.key,
        section: at.section,
        redacted: describeSecret(text.toLowerCase(), "token").redacted,
        fix: fixFor(at.section, at.key),
        place: at.place,
      });
    }
  }
}
