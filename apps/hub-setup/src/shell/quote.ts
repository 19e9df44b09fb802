import type { Env } from "../ports.js";
/**
 * One environment assignment per shell, quoted so that the shell reads back exactly the value given,
 * whatever it holds (quotes, backslashes, `$`, newlines, spaces).
 */
export type Shell = "sh" | "fish" | "powershell";

export const SHELLS: readonly Shell[] = ["sh", "fish", "powershell"];

const PORTABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** sh: inside '…' nothing is special but the quote itself, which becomes '\'' (close, escaped, reopen). */
export function quoteSh(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** fish: inside '…' only \\ and \' are escapes. */
export function quoteFish(value: string): string {
  return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

/** PowerShell: inside '…' a quote is doubled; the typographic single quotes also count as quotes. */
export function quotePowerShell(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** Whether a variable of this name can be set by `shell` at all (sh and fish need a portable name). */
export function canAssign(shell: Shell, name: string): boolean {
  return shell === "powershell" ? !/[{}`\n]/.test(name) : PORTABLE_NAME.test(name);
}

/** The line that sets `name` to `value` in `shell`, exported to child processes. */
export function assignmentLine(shell: Shell, name: string, value: string): string {
  if (!canAssign(shell, name)) throw new Error(`${name} is not a variable name ${shell} can set`);
  switch (shell) {
    case "sh":
      return `export ${name}=${quoteSh(value)}`;
    case "fish":
      return `set -gx ${name} ${quoteFish(value)}`;
    case "powershell":
      return PORTABLE_NAME.test(name)
        ? `$env:${name} = ${quotePowerShell(value)}`
        : `\${env:${name}} = ${quotePowerShell(value)}`;
  }
}

/** The shell to print for when none was asked for: fish or pwsh from $SHELL, else POSIX sh. */
export function defaultShell(env: Env): Shell {
  const name = (env["SHELL"] ?? "").split(/[\\/]/).pop() ?? "";
  if (name === "fish") return "fish";
  if (name === "pwsh" || name === "powershell" || name === "pwsh.exe") return "powershell";
  return "sh";
}
