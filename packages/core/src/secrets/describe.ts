import { classifyToken } from "../token/classify.js";
import { redactValue } from "../token/redact.js";
import type { FindingKind } from "./finding.js";
import type { KeyKind } from "./secret-keys.js";

const BY_TOKEN_KIND = { "hub-api": "hub token", gateway: "gateway token" } as const;

/**
 * What a secret is, for the report: the token model's kind when its shape says so (an offline or access
 * JWT under any key; a hub API or gateway token under a token-like key), else the kind its key implies.
 * The redacted form is the token model's when it recognises a token, else a length-only form.
 */
export function describeSecret(value: string, keyKind: KeyKind): { kind: FindingKind; redacted: string } {
  const c = classifyToken(value);
  if (c.ok) {
    if (c.kind === "offline") return { kind: "offline token", redacted: c.redacted };
    const sso = offlineToken(c.value);
    if (sso !== undefined) return sso;
    if (c.kind === "access") return { kind: "access token", redacted: c.redacted };
    if ((c.kind === "hub-api" || c.kind === "gateway") && (keyKind === "token" || keyKind === "api key")) {
      return { kind: BY_TOKEN_KIND[c.kind], redacted: c.redacted };
    }
    if (keyKind === "token") return { kind: "token", redacted: c.redacted };
  }
  // A password is chosen by a person, so even a few of its characters say too much: only its length.
  const redacted =
    keyKind === "password" ? `password (${value.trim().length} chars)` : redactValue(value, keyKind);
  return { kind: keyKind, redacted };
}

/** Whether the token model reads `value` as a token of some shape (a URL, path or prose is not). */
export function isTokenShaped(value: string): boolean {
  return classifyToken(value).ok;
}

/**
 * Whether `text` is a Red Hat SSO offline or refresh token (a JWT whose `iss` is Red Hat SSO's
 * redhat-external realm, or the sandbox serving it, and whose `typ` is Offline or Refresh): flagged
 * wherever it appears. A JWT another SSO issued is not a hub token, whatever its `typ`.
 */
export function offlineToken(
  text: string,
): { kind: "offline token" | "refresh token"; redacted: string } | undefined {
  const c = classifyToken(text);
  if (!c.ok || c.realm === undefined || c.realm === "other") return undefined;
  if (c.kind === "offline") return { kind: "offline token", redacted: c.redacted };
  if (c.claims?.typ?.toLowerCase() !== "refresh") return undefined;
  return { kind: "refresh token", redacted: redactValue(c.value, "refresh token") };
}
