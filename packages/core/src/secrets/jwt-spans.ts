import { isBase64Url } from "./char-classes.js";

/** Where JWT-shaped text sits in a line: three base64url parts, the first two decoding to `{"…`. */
export type Span = { start: number; end: number; text: string };

const DOT = 46;

/** End (exclusive) of the run of base64url characters from `i`. */
function runEnd(text: string, i: number): number {
  let at = i;
  while (at < text.length && isBase64Url(text.charCodeAt(at))) at++;
  return at;
}

/**
 * The JWT whose first part lies in the run [start, end), if any: `eyJ` + 8 or more, `.`, `eyJ` + 8 or
 * more, `.`, 8 or more. A part cannot hold a `.`, so each one is a whole run; only the first may begin
 * inside its run (at its leftmost `eyJ` that leaves 8 characters before the dot).
 */
function jwtAt(text: string, start: number, end: number): Span | undefined {
  if (text.charCodeAt(end) !== DOT || !text.startsWith("eyJ", end + 1)) return undefined;
  const end2 = runEnd(text, end + 1);
  if (end2 - (end + 1) < 11 || text.charCodeAt(end2) !== DOT) return undefined;
  const end3 = runEnd(text, end2 + 1);
  if (end3 - (end2 + 1) < 8) return undefined;
  const first = text.indexOf("eyJ", start);
  if (first < 0 || first + 11 > end) return undefined;
  return { start: first, end: end3, text: text.slice(first, end3) };
}

/**
 * 0-based [start, end) spans of JWT-shaped words in `text`: what
 * /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g finds, in one pass (that regex
 * backtracks quadratically on `eyJeyJeyJ…`).
 */
export function jwtSpans(text: string): Span[] {
  const spans: Span[] = [];
  // Every JWT starts with `eyJ`: most lines hold none, and are done with one indexOf.
  if (!text.includes("eyJ")) return spans;
  let i = 0;
  while (i < text.length) {
    if (!isBase64Url(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = runEnd(text, i);
    const span = jwtAt(text, i, end);
    if (span !== undefined) spans.push(span);
    i = span?.end ?? end;
  }
  return spans;
}
