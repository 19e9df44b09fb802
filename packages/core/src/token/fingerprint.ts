import { normalizeTokenInput } from "./normalize.js";
import { sha256Hex } from "./sha256.js";

const utf8 = new TextEncoder();

/**
 * A short, non-reversible name for a token, safe to store and print: the first 12 hex digits (48 bits)
 * of SHA-256 over a domain-separated input. Tokens are high-entropy, so it cannot be turned back into
 * one; the same token pasted with quotes or a `Bearer ` prefix gets the same fingerprint.
 */
export function tokenFingerprint(token: string): string {
  const normalized = normalizeTokenInput(token);
  const value = normalized.ok ? normalized.value : token.trim();
  const hex = sha256Hex(utf8.encode(`hub-setup token v1\0${value}`));
  return `fp-${hex.slice(0, 12)}`;
}
