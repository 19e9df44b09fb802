import { timingSafeEqual } from "node:crypto";
import { readAuthorization } from "../hub/auth.js";
import type { Exchange } from "../http.js";
import type { ControllerUser } from "./model.js";

/**
 * AWX's authentication classes, in order: OAuth2 (`Bearer <token>`), session, Basic. An unknown or
 * malformed Bearer token is not an error: the OAuth2 class just does not authenticate, so the request
 * ends as "not provided". A wrong Basic password is DRF's "Invalid username/password.". AWX's
 * APIView.finalize_response appends " To establish a login session, visit /api/login/." to every 401
 * detail, and the first class's header (`Bearer realm="api"`) is the WWW-Authenticate challenge.
 */
export type AuthResult = { ok: true; user: ControllerUser } | { ok: false; detail: string };

export const LOGIN_HINT = " To establish a login session, visit /api/login/.";
export const NOT_PROVIDED = "Authentication credentials were not provided.";
export const WWW_AUTHENTICATE = 'Bearer realm="api"';

export function authenticate(ex: Exchange, users: readonly ControllerUser[]): AuthResult {
  const auth = readAuthorization(ex);
  if (auth === undefined) return refuse(NOT_PROVIDED);
  if (auth.scheme === "bearer") {
    const value = auth.parts.length === 1 ? (auth.parts[0] ?? "") : "";
    const user = users.find((u) => same(u.token, value));
    return user === undefined ? refuse(NOT_PROVIDED) : { ok: true, user };
  }
  if (auth.scheme !== "basic") return refuse(NOT_PROVIDED);
  if (auth.parts.length === 0) return refuse("Invalid basic header. No credentials provided.");
  if (auth.parts.length > 1) {
    return refuse("Invalid basic header. Credentials string should not contain spaces.");
  }
  const value = auth.parts[0] ?? "";
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
    return refuse("Invalid basic header. Credentials not correctly base64 encoded.");
  }
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const username = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? "" : decoded.slice(colon + 1);
  const user = users.find((u) => u.username === username && same(u.password, password));
  return user === undefined ? refuse("Invalid username/password.") : { ok: true, user };
}

function refuse(text: string): AuthResult {
  return { ok: false, detail: `${text}${LOGIN_HINT}` };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
