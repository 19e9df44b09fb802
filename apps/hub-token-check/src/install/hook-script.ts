/** The git pre-commit hook `hub-token-check install` writes (POSIX sh). */
export const HOOK_MARKER = "# hub-token-check hook (written by `hub-token-check install`)";
export const CHAINED_NAME = "pre-commit.hub-token-check-chained";

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs the hook that was there before (kept beside it under CHAINED_NAME) first, then the checker: by
 * the path it was installed from, else from PATH. If neither is there, the commit stops with the reason.
 */
export function hookScript(self: readonly string[]): string {
  const [node, script] = self;
  const direct =
    node !== undefined && script !== undefined
      ? [`if [ -f ${shQuote(script)} ]; then`, `  exec ${shQuote(node)} ${shQuote(script)}`, "fi"]
      : [];
  return [
    "#!/bin/sh",
    HOOK_MARKER,
    "# It stops plaintext Automation Hub tokens in ansible.cfg from being committed. Run the install",
    "# again to update it; skip it once with `git commit --no-verify`.",
    `chained="$(dirname "$0")/${CHAINED_NAME}"`,
    'if [ -x "$chained" ]; then',
    '  "$chained" "$@" || exit $?',
    "fi",
    ...direct,
    "if command -v hub-token-check >/dev/null 2>&1; then",
    "  exec hub-token-check",
    "fi",
    `echo "hub-token-check: the checker is gone${script === undefined ? "" : ` (${script.replace(/["$`\\]/g, "\\$&")})`} and not on PATH: reinstall it, or delete $0" >&2`,
    "exit 1",
    "",
  ].join("\n");
}
