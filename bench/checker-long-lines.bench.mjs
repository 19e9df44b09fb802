// hub-token-check on one ansible.cfg holding a 1 MB comment line of each shape that made the URL and
// JWT regexes backtrack (`a-a-a…`, `eyJeyJ…`, `a.a.…`, `a+a+…`), against the same file with a 1 MB line
// of plain `x`: a ratio near 1 says the scan is linear (before the fix an 80 KB line took 4–5 s, 1 MB
// would take minutes). Printed, not asserted: test/long-lines.test.ts is the guard.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareCommands } from "./lib.mjs";

const node = process.execPath;
const checker = join(process.cwd(), "apps/hub-token-check/bin/hub-token-check.cjs");
const dir = mkdtempSync(join(tmpdir(), "hub-token-check-long-lines-"));
const MB = 1_000_000;

function cfgWith(unit) {
  const path = join(dir, `${unit.replace(/\W/g, "_")}.cfg`);
  writeFileSync(path, `[galaxy]\n# ${unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB)}\n`);
  return path;
}

const plain = cfgWith("x");
try {
  for (const unit of ["a-", "eyJ", "a.", "a+"]) {
    compareCommands({
      name: `hub-token-check, a 1 MB line of ${JSON.stringify(unit)} vs of "x"`,
      baseline: [node, checker, plain],
      subject: [node, checker, cfgWith(unit)],
      runs: 7,
      aim: 2,
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
