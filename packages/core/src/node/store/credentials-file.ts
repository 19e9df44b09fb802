/**
 * Reading the credentials file strictly. It is ours: `[tokens]` with one `<server id> = <token>` per
 * line, comments and blank lines. A hand edit may add what we do not understand (another section,
 * another key shape, a stray line); reading that as "no token" and writing the file back would destroy
 * it, so anything else makes the whole file unreadable to us: every read and write then fails, and the
 * file stays as it is. Problems name lines, never their text (a stray line may well be a token).
 */
import { serverIdProblem } from "../../galaxy/server-id.js";

export type Tokens = Record<string, string>;

export type ParsedCredentials = { ok: true; tokens: Tokens } | { ok: false; problems: string[] };

// `ini` is not lossless for every printable string (a lone `'`, backslash sequences, `\;`…). Real tokens
// (JWTs, hex, base64, opaque gateway tokens) are written as they are; anything else is written as
// `base64:<bytes>`, a form no plain value can take (plain values never contain `:`). `ini` puts a value
// holding `=` in double quotes, as a JSON string.
export const PLAIN_VALUE = /^[A-Za-z0-9._~+/=-]+$/;
export const ENCODED_PREFIX = "base64:";
const ENCODED_VALUE = /^base64:[A-Za-z0-9+/]*={0,2}$/;

export function toFileValue(token: string): string {
  return PLAIN_VALUE.test(token) ? token : ENCODED_PREFIX + Buffer.from(token, "utf8").toString("base64");
}

function fromFileValue(value: string): string {
  return value.startsWith(ENCODED_PREFIX)
    ? Buffer.from(value.slice(ENCODED_PREFIX.length), "base64").toString("utf8")
    : value;
}

/** The token a stored value stands for, or undefined when it is not a value hub-setup writes. */
function readValue(raw: string): string | undefined {
  let value = raw;
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed !== "string") return undefined;
      value = parsed;
    } catch {
      return undefined;
    }
  }
  if (!PLAIN_VALUE.test(value) && !ENCODED_VALUE.test(value)) return undefined;
  const token = fromFileValue(value);
  return token.length > 0 && /^[\x21-\x7e]+$/.test(token) ? token : undefined;
}

const SECTION = /^\s*\[([^\]]*)\]\s*$/;
const ENTRY = /^([^=]+)=(.*)$/;

export function parseCredentials(text: string): ParsedCredentials {
  const tokens: Tokens = {};
  const problems: string[] = [];
  let section: string | undefined;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (/^\s*$/.test(line) || /^\s*[;#]/.test(line)) return;
    const header = SECTION.exec(line);
    if (header != null) {
      section = header[1]?.trim();
      if (section !== "tokens") problems.push(`${at}: a section other than [tokens]`);
      return;
    }
    const entry = ENTRY.exec(line);
    if (entry == null) {
      problems.push(`${at}: neither a comment, a section nor "<server id> = <token>"`);
      return;
    }
    if (section === undefined) {
      problems.push(`${at}: an entry before the [tokens] section`);
      return;
    }
    if (section !== "tokens") return; // the section itself is already reported
    const id = (entry[1] ?? "").trim();
    if (serverIdProblem(id) !== undefined) {
      problems.push(`${at}: an entry whose name is not a server id`);
      return;
    }
    const token = readValue((entry[2] ?? "").trim());
    if (token === undefined) {
      problems.push(`${at}: a value hub-setup does not write (one token: no spaces, comments or quotes)`);
      return;
    }
    if (id in tokens) {
      problems.push(`${at}: a second entry for server "${id}"`);
      return;
    }
    tokens[id] = token;
  });
  return problems.length === 0 ? { ok: true, tokens } : { ok: false, problems };
}
