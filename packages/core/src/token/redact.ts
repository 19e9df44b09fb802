/**
 * The only printable form of a secret: a label plus a few characters from each end, and the length.
 * Short values show nothing of their content, so that a redacted short password reveals nothing.
 */
export function redactValue(value: string, label = "secret"): string {
  const v = value.trim();
  if (v.length === 0) return `${label} (empty)`;
  if (v.length < 16) return `${label} (${v.length} chars)`;
  const keep = v.length >= 40 ? 4 : 2;
  return `${label} ${v.slice(0, keep)}…${v.slice(-keep)} (${v.length} chars)`;
}
