/**
 * What a pasted value is, from its shape alone (no network): a Red Hat offline token, a short-lived
 * access token, a private hub API token, an AAP gateway token, or something we cannot place.
 */
import { CLOUD_CLIENT_ID, CLOUD_TOKEN_PAGE, RED_HAT_REALM_PATH, RED_HAT_SSO_ISSUER } from "../sso/red-hat.js";
import { decodeJwt, looksLikeJwt, type JwtClaims } from "./jwt.js";
import { normalizeTokenInput } from "./normalize.js";
import { redactValue } from "./redact.js";

export type TokenKind = "offline" | "access" | "hub-api" | "gateway" | "unknown";

/** Whose SSO issued a JWT: Red Hat's, another host serving the redhat-external realm (the sandbox), or other. */
export type TokenRealm = "red-hat-sso" | "redhat-external" | "other";

export type TokenInfo = {
  ok: true;
  kind: TokenKind;
  /** Normalised: trimmed, quotes and a pasted `Bearer `/`Token ` prefix removed. A secret: never print it. */
  value: string;
  claims?: JwtClaims;
  /** For JWTs with an `iss`: whether Red Hat SSO issued it. */
  realm?: TokenRealm;
  /** Something the user should know about this token, in one sentence. */
  note?: string;
  redacted: string;
};

export type TokenRejection = { ok: false; reason: string };

const KIND_LABEL: Record<TokenKind, string> = {
  offline: "offline token",
  access: "access token",
  "hub-api": "hub API token",
  gateway: "gateway token",
  unknown: "token",
};

/** The realm path without Keycloak's legacy `/auth` prefix (Keycloak 17+ serves `/realms/…`). */
const REALM_PATH = RED_HAT_REALM_PATH.replace(/^\/auth/, "");

/**
 * Whose SSO issued a JWT. Red Hat's own SSO hosts (sso.redhat.com, sso.stage.redhat.com…) serving the
 * redhat-external realm are Red Hat SSO; any other host serving that realm (the sandbox) is
 * `redhat-external`; anything else is other.
 */
export function realmOf(iss: string | undefined): TokenRealm | undefined {
  if (iss === undefined) return undefined;
  if (iss === RED_HAT_SSO_ISSUER) return "red-hat-sso";
  try {
    const url = new URL(iss);
    const path = url.pathname.replace(/\/+$/, "");
    if (!path.endsWith(REALM_PATH)) return "other";
    const redHatHost = url.protocol === "https:" && /(?:^|\.)redhat\.com$/.test(url.hostname);
    return redHatHost ? "red-hat-sso" : "redhat-external";
  } catch {
    return "other";
  }
}

function info(kind: TokenKind, value: string, extra: Partial<TokenInfo> = {}): TokenInfo {
  return { ok: true, kind, value, ...extra, redacted: redactValue(value, KIND_LABEL[kind]) };
}

function offlineNote(claims: JwtClaims, realm: TokenRealm | undefined): string | undefined {
  if (realm === "other" || realm === undefined) {
    return `issued by ${claims.iss ?? "an unnamed issuer"}, not Red Hat SSO: it works only with that server's auth_url`;
  }
  if (claims.azp !== undefined && claims.azp !== CLOUD_CLIENT_ID) {
    return `issued to client "${claims.azp}", not "${CLOUD_CLIENT_ID}": set client_id = ${claims.azp} for it`;
  }
  return undefined;
}

function classifyJwt(value: string): TokenInfo {
  const jwt = decodeJwt(value);
  if (!jwt.ok) return info("unknown", value, { note: `looks like a JWT, but ${jwt.reason}` });
  const { claims } = jwt;
  const realm = realmOf(claims.iss);
  const base = realm === undefined ? { claims } : { claims, realm };
  const typ = claims.typ?.toLowerCase();
  if (typ === "offline") {
    const note = offlineNote(claims, realm);
    return info("offline", value, note === undefined ? base : { ...base, note });
  }
  if (typ === "refresh") {
    return info("unknown", value, {
      ...base,
      note: `a refresh token from a browser sign-in, not an offline token: it dies with that session; load an offline token at ${CLOUD_TOKEN_PAGE}`,
    });
  }
  if (typ === "bearer" || (typ === undefined && claims.exp !== undefined)) {
    return info("access", value, {
      ...base,
      note: "a short-lived access token (minutes): ansible-galaxy needs the offline token it was made from",
    });
  }
  return info("unknown", value, {
    ...base,
    note: `a JWT of type "${claims.typ ?? "none"}", not a hub token`,
  });
}

export function classifyToken(raw: string): TokenInfo | TokenRejection {
  const input = normalizeTokenInput(raw);
  if (!input.ok) return { ok: false, reason: input.reason };
  const { value } = input;
  if (looksLikeJwt(value)) return classifyJwt(value);
  if (/^[0-9a-f]{40}$/.test(value)) return info("hub-api", value);
  if (/^[0-9a-f]{40}$/i.test(value)) {
    return info("unknown", value, {
      note: "40 hex characters with capitals: private hub tokens are lower case; was it retyped?",
    });
  }
  if (/^[A-Za-z0-9]{30}$/.test(value)) return info("gateway", value);
  return info("unknown", value, { note: "not the shape of any hub or Red Hat SSO token we know" });
}

/** The only printable form of a token: its kind plus a few characters from each end. */
export function redact(value: string): string {
  const c = classifyToken(value);
  return c.ok ? c.redacted : redactValue(value, "secret");
}
