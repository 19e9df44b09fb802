import { createHash, randomUUID } from "node:crypto";
import { signJwt, verifyJwt, type JwtPayload } from "../jwt.js";
import type { MintOfflineTokenOptions } from "../types.js";
import type { SessionRecord, StateData } from "../state.js";

const DAY_MS = 86_400_000;
/** Red Hat SSO's offline session idle timeout: 30 days without a refresh. */
export const OFFLINE_IDLE_MS = 30 * DAY_MS;
/** Keycloak adds SESSION_EXPIRATION_GRACE_PERIOD (120 s) to every session timeout check. */
export const SESSION_GRACE_MS = 120_000;
/** Keycloak's scheduled job removes expired sessions every 15 minutes (ClearExpiredUserSessions). */
export const SESSION_CLEANUP_MS = 15 * 60_000;
/** The access-token lifespan Red Hat SSO gives cloud-services. */
export const ACCESS_TOKEN_SECONDS = 900;
export const DEFAULT_CLIENT_ID = "cloud-services";
/** Clients this realm knows; another `client_id` is an unknown client. */
export const KNOWN_CLIENTS: readonly string[] = [DEFAULT_CLIENT_ID, "rhsm-api"];
const OFFLINE_SCOPE = "openid api.iam.service_accounts offline_access";

export type RefreshFailure = { ok: false; status: 400 | 401; error: string; description: string };
export type RefreshSuccess = { ok: true; body: Record<string, unknown> };
export type AccessCheck =
  | { ok: true; claims: JwtPayload }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "expired"; expiredAt: Date };

export type Realm = {
  mintOffline(options?: MintOfflineTokenOptions): string;
  /** The refresh_token grant, with Keycloak's checks in Keycloak's order. */
  refresh(refreshToken: string, clientId: string): RefreshSuccess | RefreshFailure;
  /** Removes the offline session behind a token; false when the token is not one of ours. */
  revoke(token: string): boolean;
  verifyAccess(token: string): AccessCheck;
};

export function createRealm(deps: { data: StateData; now: () => Date; save: () => void }): Realm {
  const { data } = deps;
  const key = Buffer.from(data.signingKey, "base64url");
  const sign = (payload: JwtPayload) => signJwt(payload, key, data.kid);
  const nowSec = () => Math.floor(deps.now().getTime() / 1000);

  const offlineFor = (s: SessionRecord): string =>
    sign({
      iat: nowSec(),
      jti: randomUUID(),
      iss: data.issuer,
      aud: data.issuer,
      sub: `f:${s.userId}:${s.username}`,
      typ: "Offline",
      azp: s.clientId,
      nonce: randomUUID(),
      session_state: s.sid,
      scope: OFFLINE_SCOPE,
      sid: s.sid,
    });

  const invalidGrant = (description: string): RefreshFailure => ({
    ok: false,
    status: 400,
    error: "invalid_grant",
    description,
  });

  return {
    mintOffline: (options = {}) => {
      const username = options.username ?? "sandbox-user";
      const at = deps.now().getTime();
      const session: SessionRecord = {
        sid: randomUUID(),
        userId: userIdFor(username, data.issuer),
        username,
        clientId: options.clientId ?? DEFAULT_CLIENT_ID,
        createdAt: at,
        lastRefreshAt: at,
      };
      data.sessions[session.sid] = session;
      deps.save();
      return offlineFor(session);
    },

    refresh: (refreshToken, clientId) => {
      const claims = verifyJwt(refreshToken, key);
      if (claims === undefined || claims["iss"] !== data.issuer) return invalidGrant("Invalid refresh token");
      if (claims["typ"] !== "Offline" && claims["typ"] !== "Refresh")
        return invalidGrant("Invalid refresh token");
      if (claims["azp"] !== clientId) {
        return invalidGrant("Invalid refresh token. Token client and authorized client don't match");
      }
      const sid = typeof claims["sid"] === "string" ? claims["sid"] : "";
      const session = data.sessions[sid];
      if (session === undefined) return invalidGrant("Offline user session not found");
      const idle = deps.now().getTime() - session.lastRefreshAt;
      if (idle > OFFLINE_IDLE_MS + SESSION_GRACE_MS) {
        delete data.sessions[sid];
        deps.save();
        // Within one cleanup interval the expired session still exists and Keycloak says "not active";
        // after the cleanup job has run it is gone, which is what sso.redhat.com answers after 30+ days.
        return idle > OFFLINE_IDLE_MS + SESSION_GRACE_MS + SESSION_CLEANUP_MS
          ? invalidGrant("Offline user session not found")
          : invalidGrant("Offline session not active");
      }
      session.lastRefreshAt = deps.now().getTime();
      deps.save();
      return { ok: true, body: tokenResponse(session) };
    },

    revoke: (token) => {
      const claims = verifyJwt(token, key);
      const sid = claims?.["sid"];
      if (typeof sid !== "string" || data.sessions[sid] === undefined) return false;
      delete data.sessions[sid];
      deps.save();
      return true;
    },

    verifyAccess: (token) => {
      const claims = verifyJwt(token, key);
      if (claims === undefined || claims["typ"] !== "Bearer" || claims["iss"] !== data.issuer) {
        return { ok: false, reason: "invalid" };
      }
      const exp = typeof claims["exp"] === "number" ? claims["exp"] : 0;
      if (exp <= nowSec()) return { ok: false, reason: "expired", expiredAt: new Date(exp * 1000) };
      return { ok: true, claims };
    },
  };

  function tokenResponse(s: SessionRecord): Record<string, unknown> {
    const iat = nowSec();
    const common = {
      exp: iat + ACCESS_TOKEN_SECONDS,
      iat,
      auth_time: Math.floor(s.createdAt / 1000),
      jti: randomUUID(),
      iss: data.issuer,
    };
    const user = { sub: `f:${s.userId}:${s.username}` };
    const access = sign({
      ...common,
      ...user,
      typ: "Bearer",
      azp: s.clientId,
      session_state: s.sid,
      scope: OFFLINE_SCOPE,
      sid: s.sid,
      preferred_username: s.username,
    });
    const id = sign({
      ...common,
      jti: randomUUID(),
      aud: s.clientId,
      ...user,
      typ: "ID",
      azp: s.clientId,
      session_state: s.sid,
      sid: s.sid,
      preferred_username: s.username,
    });
    return {
      access_token: access,
      expires_in: ACCESS_TOKEN_SECONDS,
      refresh_expires_in: 0,
      refresh_token: offlineFor(s),
      token_type: "Bearer",
      id_token: id,
      "not-before-policy": 0,
      session_state: s.sid,
      scope: OFFLINE_SCOPE,
    };
  }
}

/** A stable user id per user name, shaped like Keycloak's UUIDs. */
function userIdFor(username: string, issuer: string): string {
  const h = createHash("sha256").update(`${issuer}\0${username}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
