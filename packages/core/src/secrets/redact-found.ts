/**
 * What a tool may show of text it did not write (a file in a diff, argv in a usage error): every secret
 * the detector finds there replaced by `<its redacted form>`, everything else kept byte for byte.
 */
import { findSecrets, type FindSecretsOptions } from "./find-secrets.js";

/** A line end as the detector counts lines (Python's universal newlines). */
const LINE_END = /(\r\n|\r|\n)/;

export function redactFound(text: string, options: FindSecretsOptions): string {
  const findings = findSecrets(text, options);
  if (findings.length === 0) return text;
  // Lines at even indices, their ends at odd ones.
  const parts = text.split(LINE_END);
  const byLine = new Map<number, (typeof findings)[number][]>();
  for (const f of findings) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  for (const [line, here] of byLine) {
    const at = (line - 1) * 2;
    let shown = parts[at];
    if (shown === undefined) continue;
    // Right to left, so earlier columns stay valid; a finding overlapping one already redacted is inside it.
    let limit = shown.length + 1;
    for (const f of here.sort((a, b) => b.column - a.column)) {
      const start = f.column - 1;
      const end = Math.min(f.endColumn - 1, limit - 1);
      if (end <= start) continue;
      shown = `${shown.slice(0, start)}<${f.redacted}>${shown.slice(end)}`;
      limit = f.column;
    }
    parts[at] = shown;
  }
  return parts.join("");
}
