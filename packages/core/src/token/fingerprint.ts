import { createHash } from "node:crypto";
import { normalizeTokenInput } from "./normalize.js";

/**
 * A short, non-reversible name for a token, safe to store and print: the first 12 hex digits (48 bits)
 * of SHA-256 over a domain-separated input. Tokens are high-entropy, so it cannot be turned back into
 * one; the same token pasted with quotes or a `Bearer ` prefix gets the same fingerprint.
 */
export function tokenFingerprint(token: string): string {
  const normalized = normalizeTokenInput(token);
  const value = normalized.ok ? normalized.value : token.trim();
  const hex = createHash("sha256").update(`hub-setup token v1\0${value}`).digest("hex");
  return `fp-${hex.slice(0, 12)}`;
}
