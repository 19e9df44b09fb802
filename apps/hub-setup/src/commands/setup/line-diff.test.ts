import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffRuns, type DiffRun } from "./line-diff.js";

/** Both files rebuilt from the runs: a diff that loses or invents a line fails here. */
function replay(runs: readonly DiffRun[], a: readonly string[], b: readonly string[]) {
  const before: string[] = [];
  const after: string[] = [];
  for (const r of runs) {
    if (r.op !== "+") before.push(...a.slice(r.aStart, r.aStart + r.len));
    if (r.op !== "-") after.push(...b.slice(r.bStart, r.bStart + r.len));
    if (r.op === " ")
      expect(a.slice(r.aStart, r.aStart + r.len)).toEqual(b.slice(r.bStart, r.bStart + r.len));
  }
  return { before, after };
}

const edits = (runs: readonly DiffRun[]) => runs.reduce((n, r) => n + (r.op === " " ? 0 : r.len), 0);
const file = fc.array(fc.constantFrom("[galaxy]", "a = 1", "b = 2", "", "# c", "[x]", "token = t"), {
  maxLength: 40,
});

describe("diffRuns", () => {
  it("the linear-space bisection finds a shortest diff, as the table does", () => {
    fc.assert(
      fc.property(file, file, (a, b) => {
        const table = diffRuns(a, b);
        const bisection = diffRuns(a, b, { tableCells: 0 });
        expect(replay(bisection, a, b)).toEqual({ before: a, after: b });
        expect(edits(bisection)).toBe(edits(table));
      }),
      { numRuns: 500 },
    );
  });

  it("over its work budget, still a true diff: the differing middle replaced whole", () => {
    fc.assert(
      fc.property(file, file, (a, b) => {
        const runs = diffRuns(a, b, { tableCells: 0, budget: 1 });
        expect(replay(runs, a, b)).toEqual({ before: a, after: b });
      }),
    );
    const runs = diffRuns(["k", "a", "b", "k"], ["k", "c", "d", "k"], { tableCells: 0, budget: 1 });
    expect(runs.map((r) => `${r.op}${r.len}`)).toEqual([" 1", "-2", "+2", " 1"]);
  });

  it("a 1M-line file with two edits: just those lines, without a table of N×M cells", () => {
    const a = Array.from({ length: 1_000_000 }, (_, i) => `option_${i} = ${i}`);
    const b = [...a];
    b[10] = "option_10 = changed";
    b.push("[galaxy_server.new]", "url = https://hub.example.test/");
    const runs = diffRuns(a, b);
    expect(runs.filter((r) => r.op !== " ")).toEqual([
      { op: "-", aStart: 10, bStart: 10, len: 1 },
      { op: "+", aStart: 11, bStart: 10, len: 1 },
      { op: "+", aStart: 1_000_000, bStart: 1_000_000, len: 2 },
    ]);
  });
});
