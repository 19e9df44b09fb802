/**
 * ansible-galaxy's token options on a command line: `--token VALUE` and its alias `--api-key VALUE`
 * (also `--flag=VALUE`), in a Makefile, a script, a README's console block or a shell history. The
 * value is judged like any token (references and placeholders are none). In an `ansible-galaxy`
 * command (on the line, or on the lines a `\` continues) any token-shaped value counts; elsewhere only
 * a token's own shape (a hub token's 40 hex, a gateway token, an SSO token), as other tools have
 * flags of these names too.
 */
import { classifyToken } from "../token/classify.js";
import type { ScanLine } from "./cfg-line.js";
import { describeSecret } from "./describe.js";
import type { ScanResult } from "./finding.js";
import { isPlaceholder, judgeValue } from "./value-rules.js";
import { valueAt } from "./value-at.js";

/** The flags, as written before their value (`--token`, `--api-key`). */
const FLAG = /(?:^|[\s"'`])--(?:token|api-key)(?==|[ \t]+\S)/g;
const GALAXY = "ansible-galaxy";

/** Whether the command line at `index` is an ansible-galaxy command (this line or the ones it continues). */
function inGalaxyCommand(lines: readonly ScanLine[], index: number): boolean {
  for (let i = index; i >= 0 && index - i < 20; i--) {
    const raw = lines[i]?.raw ?? "";
    if (i < index && !raw.trimEnd().endsWith("\\")) return false;
    if (raw.includes(GALAXY)) return true;
  }
  return false;
}

function taken(out: ScanResult, line: number, column: number, endColumn: number): boolean {
  return out.findings.some((f) => f.line === line && f.column < endColumn && column < f.endColumn);
}

/** Values given to ansible-galaxy's `--token` / `--api-key` in any text file. */
export function findGalaxyTokenFlags(path: string, lines: readonly ScanLine[], out: ScanResult): void {
  for (let index = 0; index < lines.length; index++) {
    const l = lines[index];
    if (l === undefined || (!l.raw.includes("--token") && !l.raw.includes("--api-key"))) continue;
    FLAG.lastIndex = 0;
    for (let m = FLAG.exec(l.raw); m != null; m = FLAG.exec(l.raw)) {
      const value = valueAt(l.raw, m.index + m[0].length + (l.raw[m.index + m[0].length] === "=" ? 1 : 0));
      if (value === undefined) continue;
      const text = value.text.trim();
      if (text.startsWith("-") || text.endsWith("\\")) continue;
      const verdict = judgeValue(text, true);
      if (!verdict.secret) continue;
      const secret = verdict.inner?.text ?? text;
      if (isPlaceholder(secret)) continue;
      if (!classifyToken(secret).ok && !inGalaxyCommand(lines, index)) continue;
      const column = value.start + (verdict.inner?.start ?? 0) + 1;
      if (taken(out, l.line, column, column + secret.length)) continue;
      const { kind, redacted } = describeSecret(secret, "token");
      const flag = m[0].trim().replace(/^["'`]/, "");
      out.findings.push({
        path,
        line: l.line,
        column,
        endColumn: column + secret.length,
        kind,
        key: flag,
        section: null,
        redacted,
        fix: "hub-setup",
        place: l.kind === "comment" ? "comment" : "value",
      });
    }
  }
}
