/**
 * Credentials written into a URL: the password of its userinfo (`https://user:PASSWORD@host/`) or a
 * query/fragment parameter named like a secret (`?token=…`, `&api_key=…`, `#access_token=…`). Either
 * is a plaintext secret wherever the URL sits (a galaxy server's `url`, a proxy, a comment). A URL
 * without a password, a placeholder or reference in its place, and a git SHA in its path are not.
 */
import { urlParameterKind, type KeyKind } from "./secret-keys.js";
import { urlsInText } from "./urls-in-text.js";
import { judgeValue } from "./value-rules.js";

/** One secret in a URL: 0-based [start, end) in the scanned text, and what it is. */
export type UrlCredential = { start: number; end: number; what: KeyKind; value: string };

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Not empty, not a placeholder, not a `${VAR}` or template, not a URL: a secret. */
function isSecret(raw: string): boolean {
  return judgeValue(decoded(raw), true).secret;
}

/** `name=value` pairs of a query or fragment starting at `from` (0-based in `url`). */
function parameters(url: string, from: number, to: number, out: UrlCredential[]): void {
  let at = from;
  for (const pair of url.slice(from, to).split("&")) {
    const eq = pair.indexOf("=");
    if (eq > 0) {
      const what = urlParameterKind(decoded(pair.slice(0, eq)));
      const value = pair.slice(eq + 1);
      if (what !== undefined && isSecret(value)) {
        out.push({ start: at + eq + 1, end: at + pair.length, what, value: decoded(value) });
      }
    }
    at += pair.length + 1;
  }
}

/** The credentials in one URL (0-based offsets within it). */
function inUrl(url: string): UrlCredential[] {
  const out: UrlCredential[] = [];
  const authorityStart = url.indexOf("://") + 3;
  const rest = url.slice(authorityStart);
  const authorityEnd = authorityStart + (/[/?#]/.exec(rest)?.index ?? rest.length);
  const at = url.lastIndexOf("@", authorityEnd - 1);
  if (at >= authorityStart) {
    const colon = url.indexOf(":", authorityStart);
    if (colon >= 0 && colon < at && isSecret(url.slice(colon + 1, at))) {
      out.push({ start: colon + 1, end: at, what: "password", value: decoded(url.slice(colon + 1, at)) });
    }
  }
  const hash = url.indexOf("#", authorityEnd);
  const end = hash < 0 ? url.length : hash;
  const question = url.indexOf("?", authorityEnd);
  if (question >= 0 && question < end) parameters(url, question + 1, end, out);
  if (hash >= 0) parameters(url, hash + 1, url.length, out);
  return out;
}

/**
 * Prose punctuation after a URL is not part of it: "(see https://…)." or "…, then". A loop, not
 * /[).,]+$/, which is quadratic on a long run of them that does not end the URL.
 */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && ").,".includes(url.charAt(end - 1))) end--;
  return url.slice(0, end);
}

/** Every credential in a URL within `text` (one line), with offsets in `text`. */
export function urlCredentials(text: string): UrlCredential[] {
  const out: UrlCredential[] = [];
  for (const found of urlsInText(text)) {
    const url = withoutTrailingPunctuation(found.text);
    for (const c of inUrl(url)) out.push({ ...c, start: found.start + c.start, end: found.start + c.end });
  }
  return out;
}
