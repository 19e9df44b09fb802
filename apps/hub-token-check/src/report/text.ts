import { fixAction } from "../fix/plan-fix.js";
import type { Finding } from "../scan/finding.js";
import { isBackupCopy } from "../source/candidate.js";
import { fixSentence, whereSentence, type CheckResult } from "./result.js";

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What to do about all of it: `--fix` (run as `fixCommand`, the form that works where this run came
 * from) only when it fixes at least one finding, and saying what it does to them; a backup copy it
 * leaves alone, so that one is deleted instead; the rest by the fix printed under each.
 */
function closingAdvice(findings: readonly Finding[], fixCommand: string): string[] {
  const backups = new Set(findings.filter((f) => isBackupCopy(f.path)).map((f) => f.path)).size;
  const deleteThem = "delete them, or keep them out of git (each one's fix above)";
  if (findings.every((f) => isBackupCopy(f.path)))
    return [`  These are backup copies, which \`--fix\` leaves alone: ${deleteThem}.`];
  const actions = findings.filter((f) => !isBackupCopy(f.path)).map(fixAction);
  const moves = actions.includes("move");
  if (!moves && !actions.includes("drop")) {
    return [
      "  Take each value out of its file as its fix above says, then `git add` the files again.",
      ...(backups > 0 ? [`  The ${plural(backups, "backup copy", "backup copies")}: ${deleteThem}.`] : []),
    ];
  }
  const does = moves
    ? "moves the tokens into the secret store and out of the files"
    : "deletes the commented-out secrets from the files";
  return [
    `  \`${fixCommand}\` ${does}; then \`git add\` them again.`,
    ...(actions.includes(undefined)
      ? ["  It leaves the other findings to you: take each value out as its fix above says."]
      : []),
    ...(backups > 0
      ? [`  It leaves the ${plural(backups, "backup copy", "backup copies")} alone: ${deleteThem}.`]
      : []),
  ];
}

/**
 * The human form: one `path:line:col` line per finding with its fix; silent when there is nothing.
 * `fixCommand` is how the user runs `--fix` from where this run came (see advice/run-context.ts).
 */
export function renderText(result: CheckResult, fixCommand = "hub-token-check --fix"): string {
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
      ...closingAdvice(result.findings, fixCommand),
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
