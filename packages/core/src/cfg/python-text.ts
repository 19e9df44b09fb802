/**
 * Python's idea of text, where it differs from JavaScript's. ConfigParser strips lines with
 * `str.strip()` and finds indentation with the regex `\S`; both use Python's whitespace set, which is
 * NOT JavaScript's `\s`: Python counts U+001C–U+001F and U+0085 as whitespace and does not count the
 * BOM (U+FEFF). Using `String.prototype.trim` here would silently accept a file with a BOM that
 * Ansible refuses.
 */

/** `chr(c).isspace()` in Python 3.11 (the same set `\s` matches in a `str` regex). */
export function isPySpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Index of the first non-whitespace character in s[from, to), or `to` when there is none. */
export function skipSpace(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && isPySpace(s.charCodeAt(i))) i++;
  return i;
}

/** End (exclusive) of s[from, to) once trailing whitespace is dropped; `from` when all is space. */
export function trimEnd(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isPySpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Python's `s.strip()`. */
export function pyStrip(s: string): string {
  const start = skipSpace(s, 0, s.length);
  const end = trimEnd(s, start, s.length);
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Python's `s.rstrip()`. */
export function pyRStrip(s: string): string {
  const end = trimEnd(s, 0, s.length);
  return end === s.length ? s : s.slice(0, end);
}

/**
 * ConfigParser's `optionxform` (`str.lower`). JavaScript's toLowerCase agrees with Python 3.11 on every
 * code point except a few dozen letters added in Unicode 15/16, which no real key uses.
 */
export function pyLower(s: string): string {
  return s.toLowerCase();
}

/** True when `s` contains a character Python strips as whitespace (anywhere). */
export function hasPySpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isPySpace(s.charCodeAt(i))) return true;
  return false;
}
