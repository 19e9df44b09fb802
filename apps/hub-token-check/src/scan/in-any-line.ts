/**
 * Secrets found by their shape wherever they sit in a line — an option's value, a comment, a line
 * Ansible cannot parse: a Red Hat offline token, and credentials written into a URL.
 */
import type { ScanLine } from "./cfg-line.js";
import { readCommentedOption } from "./commented-option.js";
import { describeSecret, offlineToken } from "./describe.js";
import type { Finding, FindingPlace, ScanResult } from "./finding.js";
import { fixFor } from "./fix-hint.js";
import { jwtSpans } from "./jwt-spans.js";
import { urlCredentials, type UrlCredential } from "./url-credentials.js";

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
        kind: "offline token",
        key: at.key,
        section: at.section,
        redacted: offline.redacted,
        fix: fixFor(at.section, at.key),
        place: at.place,
      });
    }
  }
}
