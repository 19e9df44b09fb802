/**
 * Whether `text` shows any 12 consecutive characters of `secret` (a full token, or a large piece of
 * one), also across the line breaks a terminal puts into long lines. A test asserts `false` on every
 * output a user or a log could see.
 */
export function showsSecret(text: string, secret: string): boolean {
  const joined = text.replace(/\s+/g, "");
  for (let i = 0; i + 12 <= secret.length; i++) {
    const piece = secret.slice(i, i + 12);
    if (text.includes(piece) || joined.includes(piece)) return true;
  }
  return false;
}
