import type { CheckResult } from "./result.js";

/**
 * The machine form: `{ "findings": [{ path, line, column, kind, key, section, redacted, fix }],
 * "skipped": [{ path, reason }], "notes": [{ path, line, column, key, section, message }] }`, 1-based.
 */
export function renderJson(result: CheckResult): string {
  const findings = result.findings.map((f) => ({
    path: f.path,
    line: f.line,
    column: f.column,
    kind: f.kind,
    key: f.key,
    section: f.section,
    redacted: f.redacted,
    fix: f.fix,
  }));
  return `${JSON.stringify({ findings, skipped: result.skipped, notes: result.notes }, null, 2)}\n`;
}
