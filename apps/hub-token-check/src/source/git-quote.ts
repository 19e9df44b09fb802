/**
 * Git's C-style quoting of paths in patch headers ("a/odd\nname"): backslash escapes and \ooo octal
 * bytes. Returns the path's bytes decoded as UTF-8 (core.quotePath=false leaves other bytes raw).
 */
const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/** Reads a quoted string starting at `text[0] === '"'`; returns the value and the index after it. */
export function unquoteGitPath(text: string): { value: string; end: number } | undefined {
  if (text[0] !== '"') return undefined;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  let i = 1;
  while (i < text.length) {
    const c = text[i] ?? "";
    if (c === '"') return { value: new TextDecoder().decode(Uint8Array.from(bytes)), end: i + 1 };
    if (c !== "\\") {
      const cp = text.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      bytes.push(...encoder.encode(ch));
      i += ch.length;
      continue;
    }
    const next = text[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 4;
    } else {
      const code = ESCAPES[next];
      if (code === undefined) return undefined;
      bytes.push(code);
      i += 2;
    }
  }
  return undefined;
}
