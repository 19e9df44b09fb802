import type { DiffRun } from "./line-diff.js";

/** How many section names a summary lists before "and N more". */
const MAX_SECTIONS = 8;
const HEADER = /^\[([^\]\r\n]*)\]/;

/** For each line, the index (into `names`) of the section it sits in; -1 before the first header. */
function sectionIndex(lines: readonly string[]): { at: (line: number) => string } {
  const starts: number[] = [];
  const names: string[] = [];
  lines.forEach((l, i) => {
    const m = HEADER.exec(l);
    if (m != null) {
      starts.push(i);
      names.push(`[${m[1] ?? ""}]`);
    }
  });
  return {
    at: (line) => {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= line) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? "(before the first section)" : names[lo - 1]!;
    },
  };
}

/** "N lines changed (R removed, A added) in sections X, Y; the full diff is too large to show." */
export function summariseChanges(
  runs: readonly DiffRun[],
  a: readonly string[],
  b: readonly string[],
): string {
  const before = sectionIndex(a);
  const after = sectionIndex(b);
  const sections = new Set<string>();
  let removed = 0;
  let added = 0;
  for (const r of runs) {
    if (r.op === " ") continue;
    const index = r.op === "-" ? before : after;
    const from = r.op === "-" ? r.aStart : r.bStart;
    if (r.op === "-") removed += r.len;
    else added += r.len;
    // A section changes where a run starts and at every header inside it.
    const lines = r.op === "-" ? a : b;
    sections.add(index.at(from));
    for (let k = from; k < from + r.len; k++) if (HEADER.test(lines[k]!)) sections.add(index.at(k));
  }
  const names = [...sections];
  const listed = names.slice(0, MAX_SECTIONS).join(", ");
  const more = names.length > MAX_SECTIONS ? ` and ${names.length - MAX_SECTIONS} more` : "";
  const where = names.length === 1 ? `in section ${listed}` : `in sections ${listed}${more}`;
  return `${removed + added} lines changed (${removed} removed, ${added} added) ${where}; the full diff is too large to show.`;
}
