/**
 * Tokens written in standard base64 (a Kubernetes Secret's `data:`, `| base64` output pasted into docs):
 * a Red Hat offline or refresh token anywhere, by what it decodes to (its base64 starts `ZXlK`, the
 * encoding of `eyJ`), and in a Kubernetes Secret's `data:` a hub token (40 hex) under any key named for
 * a credential (`offline-token`, `automation-hub-token`, `api_key`).
 */
import { decodeBase64Url } from "../token/base64url.js";
import type { ScanLine } from "./cfg-line.js";
import { describeSecret, offlineToken } from "./describe.js";
import type { Finding, ScanResult } from "./finding.js";
import { isAsciiDigit, isAsciiLetter } from "./char-classes.js";
import { jwtSpans } from "./jwt-spans.js";
import { secretKeyKind } from "./secret-keys.js";

/** `eyJ` in standard base64: where an encoded JWT starts. */
export const ENCODED_JWT = "ZXlK";

const PLUS = 43;
const SLASH = 47;
const EQUALS = 61;
/** Made on first use: a TextDecoder costs a commit's start-up ~0.2 ms, and most files hold no base64. */
let utf8: InstanceType<typeof TextDecoder> | undefined;
function decodeUtf8(bytes: Uint8Array): string {
  utf8 ??= new TextDecoder("utf-8");
  return utf8.decode(bytes);
}

function isBase64(c: number): boolean {
  return isAsciiLetter(c) || isAsciiDigit(c) || c === PLUS || c === SLASH;
}

/** End (exclusive) of the base64 text from `i`: its characters, then up to two `=`. */
function base64End(raw: string, i: number): number {
  let end = i;
  while (end < raw.length && isBase64(raw.charCodeAt(end))) end++;
  for (let pad = 0; pad < 2 && raw.charCodeAt(end) === EQUALS; pad++) end++;
  return end;
}

/** What standard base64 (or base64url) decodes to, as text; undefined when it is not text. */
function decodeText(encoded: string): string | undefined {
  const bytes = decodeBase64Url(encoded.replace(/\+/g, "-").replace(/\//g, "_"));
  const text = decodeUtf8(bytes).trim();
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

/** The Red Hat offline or refresh token `encoded` decodes to, if it is one. */
function encodedSsoToken(encoded: string): ReturnType<typeof offlineToken> {
  const text = decodeText(encoded);
  const jwt = text === undefined ? undefined : jwtSpans(text)[0];
  return jwt === undefined || jwt.start !== 0 ? undefined : offlineToken(jwt.text);
}

/** The key a YAML, JSON or env line sets (`  offline-token: …`, `"token": …`, `TOKEN=…`), if any. */
function keyOf(raw: string, before: number): string | null {
  return /^\s*(?:-\s+)?["']?([A-Za-z0-9_.-]+)["']?\s*[:=]\s*["']?$/.exec(raw.slice(0, before))?.[1] ?? null;
}

function taken(out: ScanResult, line: number, column: number, endColumn: number): boolean {
  return out.findings.some((f) => f.line === line && f.column < endColumn && column < f.endColumn);
}

function finding(
  path: string,
  l: ScanLine,
  start: number,
  end: number,
  what: Pick<Finding, "kind" | "redacted">,
): Finding {
  const key = keyOf(l.raw, start);
  return {
    path,
    line: l.line,
    column: start + 1,
    endColumn: end + 1,
    ...what,
    key,
    section: null,
    fix: "hub-setup",
    place: key == null ? (l.kind === "comment" ? "comment" : "text") : "value",
  };
}

/** A base64-encoded Red Hat offline or refresh token anywhere in a text file. */
export function findEncodedSsoTokens(path: string, lines: readonly ScanLine[], out: ScanResult): void {
  for (const l of lines) {
    let at = l.raw.indexOf(ENCODED_JWT);
    while (at >= 0) {
      const end = base64End(l.raw, at);
      if (at === 0 || !isBase64(l.raw.charCodeAt(at - 1))) {
        const token = taken(out, l.line, at + 1, end + 1) ? undefined : encodedSsoToken(l.raw.slice(at, end));
        if (token !== undefined) out.findings.push(finding(path, l, at, end, token));
      }
      at = l.raw.indexOf(ENCODED_JWT, end);
    }
  }
}

/** A key that names a credential: secretKeyKind's, or one that says token, password or secret anywhere. */
function isCredentialKey(key: string): boolean {
  return secretKeyKind(key) !== undefined || /tok|passw|secret/i.test(key);
}

const DATA_BLOCK = /^(\s*)(?:data|binaryData):\s*(?:#.*)?$/;
const ENTRY = /^(\s+)["']?([A-Za-z0-9_.-]+)["']?:[ \t]*["']?([A-Za-z0-9+/]+={0,2})["']?[ \t]*(?:#.*)?$/;

/** What standard base64 decodes to when it is a text file (lines of printable text), else undefined. */
function decodeTextFile(encoded: string): string | undefined {
  const bytes = decodeBase64Url(encoded.replace(/\+/g, "-").replace(/\//g, "_"));
  const text = decodeUtf8(bytes);
  return text.includes("\n") && /^[\x20-\x7e\t\r\n]+$/.test(text) ? text : undefined;
}

/** Scans a decoded file (`data:`'s key is its name): the detector itself, passed in (no import cycle). */
export type ScanText = (text: string, name: string) => readonly Finding[];

/**
 * In a Kubernetes Secret's `data:`, a hub token (40 hex) base64-encoded under a credential's key, and
 * secrets in a text file base64-encoded under its name (`ansible.cfg: W2dhbGF4eV9…`), each reported at
 * the data line, over its whole base64 value.
 */
export function findSecretDataHubTokens(
  path: string,
  lines: readonly ScanLine[],
  out: ScanResult,
  scanText?: ScanText,
): void {
  let indent = -1;
  for (const l of lines) {
    const block = DATA_BLOCK.exec(l.raw);
    if (block != null) {
      indent = block[1]?.length ?? 0;
      continue;
    }
    if (indent < 0 || l.kind === "blank") continue;
    const entry = ENTRY.exec(l.raw);
    const entryIndent = entry?.[1]?.length ?? /^\s*/.exec(l.raw)?.[0].length ?? 0;
    if (entry == null || entryIndent <= indent) {
      if (entryIndent <= indent) indent = -1;
      continue;
    }
    const [, , key = "", value = ""] = entry;
    const file = scanText === undefined ? undefined : decodeTextFile(value);
    if (file !== undefined && scanText !== undefined) {
      addDecodedFile(path, l, value, scanText(file, key), out);
      continue;
    }
    if (!isCredentialKey(key)) continue;
    const hex = decodeText(value);
    if (hex === undefined || !/^[0-9a-f]{40}$/.test(hex)) continue;
    const start = l.raw.indexOf(value, (entry[1]?.length ?? 0) + key.length);
    if (taken(out, l.line, start + 1, start + value.length + 1)) continue;
    const { kind, redacted } = describeSecret(hex, "token");
    out.findings.push(finding(path, l, start, start + value.length, { kind, redacted }));
  }
}

/** The first finding in a decoded file, moved to the `data:` line over the whole base64 value. */
function addDecodedFile(
  path: string,
  l: ScanLine,
  value: string,
  found: readonly Finding[],
  out: ScanResult,
): void {
  const first = found[0];
  if (first === undefined) return;
  const start = l.raw.lastIndexOf(value);
  if (taken(out, l.line, start + 1, start + value.length + 1)) return;
  out.findings.push({
    ...finding(path, l, start, start + value.length, { kind: first.kind, redacted: first.redacted }),
    key: first.key,
    section: first.section,
    fix: first.fix,
  });
}
