import { timingSafeEqual } from "node:crypto";
import { redactValue } from "@hub-setup/core";
import { galaxyError, type Exchange } from "../http.js";
import type { Realm } from "../sso/realm.js";

/** Why a request was refused: the status and the exact body to send. */
export type Refusal = { status: number; body: unknown };

/** Reads the Authorization header into the exchange's log fields; returns scheme and credentials. */
export function readAuthorization(ex: Exchange): { scheme: string; parts: string[] } | undefined {
  const header = ex.req.headers.authorization;
  if (header === undefined || header.trim() === "") return undefined;
  const parts = header.trim().split(/\s+/);
  const scheme = (parts[0] ?? "").toLowerCase();
  const value = parts.slice(1).join(" ");
  if (scheme === "bearer") ex.credential = "bearer";
  else if (scheme === "token") ex.credential = "token";
  else if (scheme === "basic") ex.credential = "basic";
  if (scheme === "basic") ex.redacted = redactBasic(value);
  else if (value.length > 0) ex.redacted = redactValue(value, scheme);
  return { scheme, parts: parts.slice(1) };
}

/**
 * console.redhat.com: its gateway accepts only a valid, unexpired SSO access token as `Bearer`. The
 * expired-token body is the one the gateway sends; the other details are our wording (unverified).
 */
export function checkCloud(ex: Exchange, realm: Realm): Refusal | undefined {
  const auth = readAuthorization(ex);
  if (auth === undefined) return gateway("Authorization header is missing");
  if (auth.scheme !== "bearer" || auth.parts.length !== 1) {
    return gateway("Invalid authorization header: a Bearer access token from Red Hat SSO is required");
  }
  const check = realm.verifyAccess(auth.parts[0] ?? "");
  if (check.ok) return undefined;
  if (check.reason === "expired") {
    return gateway(`Invalid JWT token - 'exp' claim expired at ${check.expiredAt.toISOString()}`);
  }
  return gateway("Invalid JWT token - signature is invalid");
}

/**
 * galaxy_ng (Django REST framework): `Token <key>` (TokenAuthentication, keyword case-insensitive)
 * or `Basic` (BasicAuthentication). Any other scheme, e.g. `Bearer`, is not tried by either class, so
 * the request counts as carrying no credentials at all.
 */
export function checkPrivate(
  ex: Exchange,
  hub: { token(): string | undefined; user: { username: string; password: string } },
): Refusal | undefined {
  const auth = readAuthorization(ex);
  if (auth === undefined || (auth.scheme !== "token" && auth.scheme !== "basic")) return notAuthenticated();
  const label = auth.scheme === "token" ? "token" : "basic";
  if (auth.parts.length === 0) return failed(`Invalid ${label} header. No credentials provided.`);
  if (auth.parts.length > 1) {
    return failed(
      label === "token"
        ? "Invalid token header. Token string should not contain spaces."
        : "Invalid basic header. Credentials string should not contain spaces.",
    );
  }
  const value = auth.parts[0] ?? "";
  if (auth.scheme === "token") {
    const current = hub.token();
    return current !== undefined && same(value, current) ? undefined : failed("Invalid token.");
  }
  if (!BASE64.test(value) || value.length % 4 !== 0) {
    return failed("Invalid basic header. Credentials not correctly base64 encoded.");
  }
  // DRF splits at the first ":"; no ":" means an empty password.
  const [username, password] = splitBasic(Buffer.from(value, "base64").toString("utf8"));
  const ok = same(username, hub.user.username) && same(password, hub.user.password);
  return ok ? undefined : failed("Invalid username/password.");
}

export function notAuthenticated(): Refusal {
  return {
    status: 401,
    body: galaxyError(401, "not_authenticated", "Authentication credentials were not provided."),
  };
}

function failed(detail: string): Refusal {
  return {
    status: 401,
    body: galaxyError(401, "authentication_failed", "Incorrect authentication credentials.", detail),
  };
}

/** The console.redhat.com gateway's 401 body. */
export function gateway(detail: string): Refusal {
  return { status: 401, body: { errors: [{ meta: { response_by: "gateway" }, status: 401, detail }] } };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function splitBasic(decoded: string): [string, string] {
  const colon = decoded.indexOf(":");
  return colon < 0 ? [decoded, ""] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

/** The user name is not a secret; of the password only its length is shown. */
function redactBasic(value: string): string {
  const [username, password] = splitBasic(Buffer.from(value, "base64").toString("utf8"));
  return `basic ${username}:password (${password.length} chars)`;
}
