import { fixSentence, whereSentence, type CheckResult } from "./result.js";

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The human form: one `path:line:col` line per finding with its fix; silent when there is nothing. */
export function renderText(result: CheckResult): string {
  const lines: string[] = [];
  for (const f of result.findings) {
    lines.push(`${f.path}:${f.line}:${f.column}: ${f.kind} in ${whereSentence(f)}: ${f.redacted}`);
    lines.push(`    fix: ${fixSentence(f)}`);
  }
  for (const n of result.notes) lines.push(`${n.path}:${n.line}:${n.column}: note: ${n.message}`);
  for (const s of result.skipped) lines.push(`${s.path}: skipped: ${s.reason}`);
  if (result.findings.length > 0) {
    const files = new Set(result.findings.map((f) => f.path)).size;
    lines.push(
      "",
      `hub-token-check: ${plural(result.findings.length, "plaintext secret")} in ${plural(files, "file")}.`,
      "  `hub-token-check --fix` moves the tokens into the secret store and out of the files; then `git add` them again.",
      "  A deliberate fake: put `# hub-token-check: allow` on the line above it.",
    );
  }
  if (result.baselined > 0) {
    lines.push(
      `hub-token-check: ${plural(result.baselined, "finding")} left out because the baseline lists them.`,
    );
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
