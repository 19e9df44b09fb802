/**
 * The wizard's line diff, in space linear in the files' size. Small files (up to TABLE_CELLS cells) get
 * the exact longest-common-subsequence table they always had, so their diff reads as before. Larger ones
 * (a 10k-line ansible.cfg took 4.3 s and 497 MB that way, a 50 MB one did not fit a typed array) have
 * their common first and last lines trimmed, then Myers' O((N+M)·D) bisection (as diff-match-patch does
 * it) on the rest: the wizard changes few lines, so D is small. Past a work budget the middle is shown
 * as replaced whole: still a true diff, only not the shortest one (and the preview then summarises it).
 */

/** A run of `len` lines kept (" "), removed ("-") or added ("+"), at 0-based aStart (before), bStart (after). */
export type DiffRun = { op: " " | "-" | "+"; aStart: number; bStart: number; len: number };

const TABLE_CELLS = 1 << 22;
const WORK_BUDGET = 50_000_000;

export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const parts = text.split("\n");
  if (parts.at(-1) === "") parts.pop();
  return parts.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

class Runs {
  readonly list: DiffRun[] = [];
  add(op: DiffRun["op"], aStart: number, bStart: number, len: number): void {
    if (len <= 0) return;
    const last = this.list.at(-1);
    if (last?.op === op && last.aStart + (op === "+" ? 0 : last.len) === aStart) {
      if (last.bStart + (op === "-" ? 0 : last.len) === bStart) {
        last.len += len;
        return;
      }
    }
    this.list.push({ op, aStart, bStart, len });
  }
}

class OverBudget extends Error {}

/** Tests force the bisection (`tableCells: 0`) or a tiny budget to check each path on small inputs. */
export type DiffLimits = { tableCells?: number; budget?: number };

export function diffRuns(a: readonly string[], b: readonly string[], limits: DiffLimits = {}): DiffRun[] {
  const budget = limits.budget ?? WORK_BUDGET;
  const runs = new Runs();
  if ((a.length + 1) * (b.length + 1) <= (limits.tableCells ?? TABLE_CELLS)) {
    byTable(a, b, runs);
    return runs.list;
  }
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  runs.add(" ", 0, 0, head);
  const middle = new Runs();
  try {
    byBisection(a, b, [head, a.length - tail, head, b.length - tail], middle, { left: budget });
    for (const r of middle.list) runs.add(r.op, r.aStart, r.bStart, r.len);
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    runs.add("-", head, head, a.length - tail - head);
    runs.add("+", a.length - tail, head, b.length - tail - head);
  }
  runs.add(" ", a.length - tail, b.length - tail, tail);
  return runs.list;
}

/** The exact LCS table (small inputs): a deletion before an insertion when both are as good. */
function byTable(a: readonly string[], b: readonly string[], runs: Runs): void {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) runs.add(" ", i++, j++, 1);
    else if (j < m && (i === n || lcs[i * width + j + 1]! > lcs[(i + 1) * width + j]!))
      runs.add("+", i, j++, 1);
    else runs.add("-", i++, j, 1);
  }
}

type Range = [aLo: number, aHi: number, bLo: number, bHi: number];

function byBisection(
  a: readonly string[],
  b: readonly string[],
  range: Range,
  runs: Runs,
  work: { left: number },
) {
  let [aLo, aHi, bLo, bHi] = range;
  const [aFrom, , bFrom] = range;
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    aLo++;
    bLo++;
  }
  runs.add(" ", aFrom, bFrom, aLo - aFrom);
  let tail = 0;
  while (aLo < aHi - tail && bLo < bHi - tail && a[aHi - 1 - tail] === b[bHi - 1 - tail]) tail++;
  aHi -= tail;
  bHi -= tail;
  const split = aLo < aHi && bLo < bHi ? bisect(a, b, [aLo, aHi, bLo, bHi], work) : undefined;
  if (split === undefined) {
    runs.add("-", aLo, bLo, aHi - aLo);
    runs.add("+", aHi, bLo, bHi - bLo);
  } else {
    byBisection(a, b, [aLo, split[0], bLo, split[1]], runs, work);
    byBisection(a, b, [split[0], aHi, split[1], bHi], runs, work);
  }
  runs.add(" ", aHi, bHi, tail);
}

/**
 * Where the forward and backward D-paths first meet (diff-match-patch's diff_bisect): a point [x, y] on
 * some shortest edit path, splitting the problem in two; undefined when the ranges share no line.
 */
function bisect(
  a: readonly string[],
  b: readonly string[],
  [aLo, aHi, bLo, bHi]: Range,
  work: { left: number },
) {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const v1 = new Int32Array(2 * maxD + 2).fill(-1);
  const v2 = new Int32Array(2 * maxD + 2).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n - m;
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < maxD; d++) {
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const i = offset + k1;
      const from = k1 === -d || (k1 !== d && v1[i - 1]! < v1[i + 1]!) ? v1[i + 1]! : v1[i - 1]! + 1;
      let x1 = from;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
        x1++;
        y1++;
      }
      work.left -= 1 + x1 - from;
      if (work.left < 0) throw new OverBudget();
      v1[i] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const j = offset + delta - k1;
        if (j >= 0 && j < v2.length && v2[j] !== -1 && x1 >= n - v2[j]!) return [aLo + x1, bLo + y1] as const;
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const i = offset + k2;
      const from = k2 === -d || (k2 !== d && v2[i - 1]! < v2[i + 1]!) ? v2[i + 1]! : v2[i - 1]! + 1;
      let x2 = from;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[aHi - x2 - 1] === b[bHi - y2 - 1]) {
        x2++;
        y2++;
      }
      work.left -= 1 + x2 - from;
      if (work.left < 0) throw new OverBudget();
      v2[i] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const j = offset + delta - k2;
        if (j >= 0 && j < v1.length && v1[j] !== -1) {
          const x1 = v1[j]!;
          if (x1 >= n - x2) return [aLo + x1, bLo + x1 - (j - offset)] as const;
        }
      }
    }
  }
  return undefined;
}
