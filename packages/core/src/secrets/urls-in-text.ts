import { isAsciiDigit, isAsciiLetter, isWordChar } from "./char-classes.js";

/** A URL found in a line: 0-based start and its text. */
export type UrlInText = { start: number; text: string };

/** What may follow `://` in a URL here: anything up to whitespace, a quote or an angle bracket. */
const BODY = /[^\s"'`<>]+/y;

function isSchemeChar(c: number): boolean {
  return isAsciiLetter(c) || isAsciiDigit(c) || c === 43 || c === 45 || c === 46; // + - .
}

/**
 * The leftmost start (not before `from`) of a scheme that ends at `colon`: a letter at a word boundary,
 * then scheme characters up to the colon.
 */
function schemeStart(text: string, colon: number, from: number): number | undefined {
  let run = colon;
  while (run > from && isSchemeChar(text.charCodeAt(run - 1))) run--;
  for (let p = run; p < colon; p++) {
    const boundary = p === 0 || !isWordChar(text.charCodeAt(p - 1));
    if (boundary && isAsciiLetter(text.charCodeAt(p))) return p;
  }
  return undefined;
}

/**
 * Every URL with a scheme and an authority in `text`: what /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>]+/gi
 * finds, in one pass (that regex backtracks quadratically on `a-a-a…`, `a.a.…`, `a+a+…`): each `://`
 * is found with indexOf, its scheme read backwards, its body forwards.
 */
export function urlsInText(text: string): UrlInText[] {
  const urls: UrlInText[] = [];
  let from = 0;
  for (let colon = text.indexOf("://"); colon >= 0; colon = text.indexOf("://", from)) {
    const start = schemeStart(text, colon, from);
    BODY.lastIndex = colon + 3;
    const body = start === undefined ? null : BODY.exec(text);
    if (start === undefined || body == null) {
      from = colon + 1;
      continue;
    }
    const end = colon + 3 + body[0].length;
    urls.push({ start, text: text.slice(start, end) });
    from = end;
  }
  return urls;
}
