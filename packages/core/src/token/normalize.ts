/**
 * What people paste: surrounding whitespace, quotes from a config file, an `Authorization:` header or a
 * `Bearer `/`Token ` prefix from curl, a token wrapped over several terminal lines. We undo those, and
 * say plainly when the text cannot be a token at all (a URL, a file path, a JSON blob, a config line).
 */
export type NormalizedInput = { ok: true; value: string } | { ok: false; reason: string };

const QUOTES = /^(["'`])([\s\S]*)\1$/;
const PREFIX = /^(?:authorization\s*:\s*)?(?:bearer|token)\s+(?=[^\s=:])/i;
const TOKEN_CHARS = /^[A-Za-z0-9._~+/=-]+$/;
const MIN_LENGTH = 16;

function stripWrapping(input: string): string {
  let v = input.trim();
  for (let i = 0; i < 3; i++) {
    const before = v;
    const quoted = QUOTES.exec(v);
    if (quoted) v = (quoted[2] ?? "").trim();
    v = v.replace(PREFIX, "").trim();
    if (v === before) break;
  }
  return v;
}

function notATokenReason(v: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    return "this is a URL, not a token: paste the token itself (the page's Copy to clipboard button)";
  }
  if (/^(?:~|\.{1,2})?\//.test(v) || /^[A-Za-z]:\\/.test(v)) {
    return "this looks like a file path, not a token: paste the token the file holds";
  }
  if (v.startsWith("{") || v.startsWith("[")) {
    const field = /"(refresh_token|access_token|token)"\s*:/.exec(v)?.[1];
    return field === undefined
      ? "this is a JSON document, not a token"
      : `this is a JSON document, not a token: paste only the value of its "${field}" field`;
  }
  if (/^(?:token|password|auth_url|url)\s*[=:]/i.test(v)) {
    return "this is a line of ansible.cfg, not a token: paste only the value after the `=`";
  }
  if (/…|\*{3,}/.test(v)) {
    return "this is a shortened or masked form of a token (it contains … or ***): copy the whole token";
  }
  return undefined;
}

/** Already clean: a bare JWT or hub token, the common case (refreshes of stored tokens). */
const CLEAN = /^(?:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+|[0-9a-f]{40})$/;

export function normalizeTokenInput(raw: string): NormalizedInput {
  if (raw.length >= MIN_LENGTH && CLEAN.test(raw)) return { ok: true, value: raw };
  const v = stripWrapping(raw);
  if (v.length === 0) return { ok: false, reason: "nothing was pasted" };
  const notToken = notATokenReason(v);
  if (notToken !== undefined) return { ok: false, reason: notToken };
  let value = v;
  if (/\s/.test(value)) {
    // A long token wrapped by a terminal or an e-mail client: rejoin it when the pieces are token text.
    const joined = value.replace(/\s+/g, "");
    if (!TOKEN_CHARS.test(joined) || !/[\r\n]/.test(value)) {
      return { ok: false, reason: "a token is one word, but this has spaces in it" };
    }
    value = joined;
  }
  if (!TOKEN_CHARS.test(value)) {
    return { ok: false, reason: "this has characters no hub or SSO token contains" };
  }
  if (value.length < MIN_LENGTH) {
    return { ok: false, reason: `too short for a token (${value.length} characters)` };
  }
  return { ok: true, value };
}
