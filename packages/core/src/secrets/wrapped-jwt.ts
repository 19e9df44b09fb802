/**
 * A JWT wrapped over several lines: pasted into Markdown or RST as an indented block, into a YAML block
 * scalar, a comment at 80 columns, or a shell command cut with `\` continuations. Joined conservatively:
 * each following line must hold nothing but base64url text (and dots), with only indentation, a comment
 * marker, a quote or a trailing `\` around it; the first line that holds anything else ends the token.
 */
import type { ScanLine } from "./cfg-line.js";

/** How many lines a token may run on after its first: an offline token is about 800 characters. */
const MAX_LINES = 24;
/** A line that continues a token: the piece, and what may stand around it. */
const PIECE = /^[ \t]*(?:(?:[#;>*]+|\/\/)[ \t]*)?["']?([A-Za-z0-9_.-]{4,})["']?[ \t]*\\?[ \t]*$/;
/** The last line's first word of token text, before a space, a quote or a `\`. */
const LAST_PIECE = /^[ \t]*(?:(?:[#;>*]+|\/\/)[ \t]*)?["']?([A-Za-z0-9_.-]{4,})(?=[\s"'\\]|$)/;
/** What may close the first line's part: a quote, a `\` continuation. */
const TAIL_END = /["'\\]+$/;

export type Wrapped = {
  /** The first part, as it stands on the first line. */
  first: string;
  /** The candidate texts: the first part joined with 1, 2, … following lines' pieces. */
  joined: string[];
};

/** The joins of `first` (the part of line `index` that starts with `eyJ`) with the lines after it. */
export function wrappedAfter(first: string, lines: readonly ScanLine[], index: number): Wrapped {
  const head = first.replace(TAIL_END, "");
  const joined: string[] = [];
  let text = head;
  for (let j = index + 1; j < lines.length && j <= index + MAX_LINES; j++) {
    const raw = lines[j]?.raw ?? "";
    const piece = PIECE.exec(raw)?.[1];
    if (piece === undefined) {
      // The last line may go on after the token (`…WMY" | jq -r .access_token`): its first word ends it.
      const last = LAST_PIECE.exec(raw)?.[1];
      if (last !== undefined) joined.push(text + last);
      break;
    }
    text += piece;
    joined.push(text);
  }
  return { first: head, joined };
}
