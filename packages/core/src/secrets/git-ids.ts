/**
 * Where a 40-hex word is a git object id or a SHA-1 checksum, not a hub token: glued to what names a
 * revision (`action@<id>`, `repo#<id>`, `blob/<id>/`, `sha1:<id>`, `sha1-<id>`), after a word or key
 * that pins one (`commit <id>`, `version: '<id>'`, `rev=<id>`), or in a checksum or git listing line
 * (`<id>  file.tgz`, `<id> refs/heads/main`, `<id> (Author 2026-…) line`). A hub token is pasted after
 * a name, a `Token ` scheme or a colon in prose, and none of these.
 */

const AT = 64;
const HASH = 35;
const SLASH = 47;
const DOT = 46;
const COLON = 58;
const CARET = 94;
const TILDE = 126;

/** A revision range, `<id>..<id>` or `<id>...<id>` (an ellipsis after a token is prose, not a range). */
const RANGE_AFTER = /^\.{2,3}[0-9a-f]/i;
const RANGE_BEFORE = /[0-9a-f]\.{2,3}$/i;
/** A hash algorithm's name glued to the id: `sha1:`, `sha1-` (SRI), `sha:`, `--hash=sha1:`. */
const HASH_NAME = /(?:^|[^A-Za-z0-9])(?:sha-?1?|git|oid|objectid)[:=-]$/i;
/**
 * A word or key that pins a revision just before the id: `commit <id>`, `tree <id>` (git log, cat-file),
 * `version: '<id>'`, `rev: <id>`, `ref=<id>`, `"sha": "<id>"`, `resolved …#<id>`.
 */
const PIN_BEFORE =
  /(?:^|[^A-Za-z0-9_])(?:commit|tree|parent|object|revision|rev|ref|version|sha1?|hash|checksum|digest)["']?[ \t]*(?:[:=][ \t]*)?["']?$/i;
/** What follows an id in a checksum line (`<id>  file`, `<id> *file`) or a git listing (`<id> refs/…`, blame's `<id> (`). */
const LISTING_AFTER = /^(?: {2}\S| \*\S|\trefs\/| refs\/| \([^()]*\d{4}-\d\d-\d\d| \d+ \d+)/;

/**
 * A citation: commit ids alone in parentheses at the end of a line or bullet (`- Fix it (<id>)`,
 * `(<id>, <id>)`, `(commit <id>)`). Not when the word before the parenthesis names a credential
 * (`token (<id>)`): that gives the value, as `token: <id>` inside the parentheses would.
 */
const CITED_IDS = /^(?:commit[ \t]+)?[0-9a-f]{7,40}(?:[ \t]*,[ \t]*(?:commit[ \t]+)?[0-9a-f]{7,40})*$/i;
const LINE_END_AFTER = /^[ \t]*[.,;]?[ \t]*$/;
const CREDENTIAL_BEFORE =
  /(?:tokens?|tok|keys?|secrets?|passw(?:or)?d|pass|pwd|creds?|credentials?|(?:^|[^A-Za-z])pat)["'`]?[ \t]*[:=]?[ \t]*$/i;

function isCitationAt(raw: string, start: number, end: number): boolean {
  // Within a citation's reach of the id: a long line's many ids each read a few hundred characters.
  const from = Math.max(0, start - 200);
  const open = raw.slice(from, start).lastIndexOf("(") + from;
  const close = raw.slice(end, end + 200).indexOf(")") + end;
  if (open < from || close < end) return false;
  if (!CITED_IDS.test(raw.slice(open + 1, close).trim())) return false;
  if (!LINE_END_AFTER.test(raw.slice(close + 1))) return false;
  return !CREDENTIAL_BEFORE.test(raw.slice(Math.max(0, open - 40), open));
}

/** Whether the 40-hex word at [start, end) of `raw` is a git object id or a checksum. */
export function isObjectIdAt(raw: string, start: number, end: number): boolean {
  const before = start > 0 ? raw.charCodeAt(start - 1) : -1;
  const after = end < raw.length ? raw.charCodeAt(end) : -1;
  // Glued to a revision's syntax: `@<id>`, `#<id>`, `/<id>`, `<id>/`, `<id>:path`, `<id>^`, `<id>~2`, `a..b`.
  if (before === AT || before === HASH || before === SLASH) return true;
  if (after === SLASH || after === CARET || after === TILDE) return true;
  if (after === COLON && end + 1 < raw.length && !/\s/.test(raw.charAt(end + 1))) return true;
  if (after === DOT && RANGE_AFTER.test(raw.slice(end, end + 4))) return true;
  if (before === DOT && RANGE_BEFORE.test(raw.slice(Math.max(0, start - 4), start))) return true;
  const head = raw.slice(Math.max(0, start - 40), start);
  if (HASH_NAME.test(head) || PIN_BEFORE.test(head)) return true;
  if (raw.charCodeAt(end) === 0x29 || raw.charCodeAt(end) === 0x2c) {
    if (isCitationAt(raw, start, end)) return true;
  }
  // First on its line: a checksum list or a git listing.
  return raw.slice(0, start).trim() === "" && LISTING_AFTER.test(raw.slice(end, end + 80));
}
