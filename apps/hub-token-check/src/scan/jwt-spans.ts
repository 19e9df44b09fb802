/** Where JWT-shaped text sits in a line: three base64url parts, the first two decoding to `{"…`. */
export type Span = { start: number; end: number; text: string };

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

/** 0-based [start, end) spans of JWT-shaped words in `text`. */
export function jwtSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(JWT)) {
    spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return spans;
}
