/**
 * Documentation's shortened forms of a token, which no one can use: cut at the end (`eyJhbGciOi...`),
 * in the middle (`eyJhbGciOiJIUzUxMiIs...5Xk2Qw`, `abc1…9f0e`, hub-setup's `e402…53ac`) or masked
 * (`e402********************************53ac`). A whole token that merely sits beside an ellipsis
 * (`<token>...`) is still the token.
 */
import { classifyToken } from "../token/classify.js";

/** An ellipsis (three dots or `…`) or a mask of three or more stars: where a token was cut. */
const CUT = /\.{3,}|\u2026+|\*{3,}/;
const CUTS = /\.{3,}|\u2026+|\*{3,}/g;

/** A piece between cuts that is a whole token by its shape (40 hex, 30 alphanumerics, a readable JWT). */
function isWholeToken(piece: string): boolean {
  const c = classifyToken(piece);
  return c.ok && (c.kind !== "unknown" || c.claims !== undefined);
}

export function isShortened(text: string): boolean {
  if (!CUT.test(text)) return false;
  return !text.split(CUTS).some(isWholeToken);
}

/** A whole token with an ellipsis after it (`<token>...`, `<token>…`): the token alone; other text as is. */
export function withoutTrailingEllipsis(text: string): string {
  const m = /(?:\.{3,}|\u2026+)$/.exec(text);
  if (m == null) return text;
  const token = text.slice(0, m.index);
  return isWholeToken(token) ? token : text;
}
