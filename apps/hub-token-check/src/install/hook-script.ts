/** The git pre-commit hook `hub-token-check install` writes (POSIX sh). */
export const HOOK_MARKER = "# hub-token-check hook (written by `hub-token-check install`)";
export const CHAINED_NAME = "pre-commit.hub-token-check-chained";

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The one line a commit stops with when the checker cannot be found at all. */
export const GONE_HINT =
  "reinstall it (npm install -g hub-token-check, or npm install in the project that has it as a devDependency), or skip the check once with: git commit --no-verify";

/**
 * Runs the hook that was there before (kept beside it under CHAINED_NAME) first, then the checker:
 * `hub-token-check` on PATH (a global install, upgraded or reinstalled in place), else the command the
 * install ran as (`self`: node and the bin path, e.g. a project's node_modules/.bin link, which an
 * `npm install` there recreates), with node from PATH when the recorded one is gone. If none is there
 * the commit stops, with one line that says how to reinstall or skip: never a silent pass.
 */
export function hookScript(self: readonly string[]): string {
  const [node, script] = self;
  const recorded =
    node !== undefined && script !== undefined
      ? [
          `if [ -f ${shQuote(script)} ]; then`,
          `  if [ -x ${shQuote(node)} ]; then exec ${shQuote(node)} ${shQuote(script)}; fi`,
          `  if command -v node >/dev/null 2>&1; then exec node ${shQuote(script)}; fi`,
          "fi",
        ]
      : [];
  const where = script === undefined ? "" : ` nor at ${script.replace(/["$`\\]/g, "\\$&")}`;
  return [
    "#!/bin/sh",
    HOOK_MARKER,
    "# It stops plaintext Automation Hub tokens (in ansible.cfg, Containerfiles, CI YAML, .env and any",
    "# other text file) from being committed. Run the install again to update it; skip it once with",
    "# `git commit --no-verify`.",
    `chained="$(dirname "$0")/${CHAINED_NAME}"`,
    'if [ -x "$chained" ]; then',
    '  "$chained" "$@" || exit $?',
    "fi",
    "if command -v hub-token-check >/dev/null 2>&1; then",
    "  exec hub-token-check",
    "fi",
    ...recorded,
    `echo "hub-token-check: the checker is not on PATH${where}: ${GONE_HINT}" >&2`,
    "exit 1",
    "",
  ].join("\n");
}
