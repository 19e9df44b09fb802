/**
 * The inline allow comment for a deliberate fake: `hub-token-check: allow` on the finding's own line
 * (after `;` or `#`) or alone in a comment on the line just above it.
 */
const ALLOW = /hub-token-check:\s*allow\b/i;

export function isAllowed(lines: readonly string[], line: number): boolean {
  const own = lines[line - 1];
  if (own !== undefined && ALLOW.test(own)) return true;
  const above = lines[line - 2];
  return above !== undefined && /^\s*[#;]/.test(above) && ALLOW.test(above);
}
