// Runs every workspace's tests in one vitest process and ends with one plain summary line,
// "N passed, N failed[, N skipped]", summed over all workspaces from vitest's JSON report.
// Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

const report = ".test-results/vitest.json";
mkdirSync(".test-results", { recursive: true });
rmSync(report, { force: true });

const run = spawnSync(
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit" },
);

let results;
try {
  results = JSON.parse(readFileSync(report, "utf8"));
} catch {
  console.error(`vitest wrote no report (${report}); exit status ${run.status ?? run.signal}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const passed = results.numPassedTests;
const skipped = results.numPendingTests + results.numTodoTests;
// A test file that fails to load has no failed test in it; count it so that it cannot hide.
const brokenFiles = results.testResults.filter(
  (f) => f.status === "failed" && f.assertionResults.length === 0,
).length;
const failed = results.numFailedTests + brokenFiles;
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
