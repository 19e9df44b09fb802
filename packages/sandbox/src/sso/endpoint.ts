import { redactValue } from "@hub-setup/core";
import { readBody, sendJson, type Exchange } from "../http.js";
import { KNOWN_CLIENTS, type Realm } from "./realm.js";

export const REALM_PATH = "/auth/realms/redhat-external";
export const TOKEN_PATH = `${REALM_PATH}/protocol/openid-connect/token`;
export const REVOKE_PATH = `${REALM_PATH}/protocol/openid-connect/revoke`;

/** Keycloak sends these on every token-endpoint answer, errors included. */
const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

/**
 * Red Hat SSO's OpenID Connect endpoints, as Keycloak answers them. The form body is parsed as
 * application/x-www-form-urlencoded (Keycloak decodes it properly; ansible-galaxy does not encode it,
 * which is harmless because JWT characters need no encoding).
 */
export async function handleSso(ex: Exchange, realm: Realm): Promise<boolean> {
  const path = ex.url.pathname;
  if (path !== TOKEN_PATH && path !== REVOKE_PATH) return false;
  if (ex.method !== "POST") {
    sendJson(ex, 405, { error: "HTTP 405 Method Not Allowed" }, { Allow: "POST", ...NO_STORE });
    return true;
  }
  const form = new URLSearchParams(await readBody(ex.req));
  const clientId = form.get("client_id") ?? undefined;
  if (clientId !== undefined) ex.clientId = clientId;
  if (path === REVOKE_PATH) return revoke(ex, realm, form);

  const grantType = form.get("grant_type");
  const refreshToken = form.get("refresh_token");
  if (grantType === "refresh_token") {
    ex.credential = "refresh-grant";
    if (refreshToken != null) ex.redacted = redactValue(refreshToken, "refresh token");
  }
  if (grantType == null) return fail(ex, 400, "invalid_request", "Missing form parameter: grant_type");
  if (grantType !== "refresh_token") return fail(ex, 400, "unsupported_grant_type", "Unsupported grant_type");
  if (clientId === undefined) return fail(ex, 400, "invalid_client", "Missing client_id parameter");
  if (!KNOWN_CLIENTS.includes(clientId)) {
    return fail(ex, 401, "invalid_client", "Invalid client or Invalid client credentials");
  }
  if (refreshToken == null) return fail(ex, 400, "invalid_request", "Missing parameter: refresh_token");
  const outcome = realm.refresh(refreshToken, clientId);
  if (!outcome.ok) return fail(ex, outcome.status, outcome.error, outcome.description);
  sendJson(ex, 200, outcome.body, NO_STORE);
  return true;
}

function revoke(ex: Exchange, realm: Realm, form: URLSearchParams): boolean {
  const token = form.get("token");
  if (token == null) return fail(ex, 400, "invalid_request", "Token not provided");
  ex.redacted = redactValue(token, "token");
  // RFC 7009: an unknown or already revoked token is not an error.
  realm.revoke(token);
  ex.res.writeHead(200, { "Content-Length": "0", ...NO_STORE }).end();
  return true;
}

function fail(ex: Exchange, status: number, error: string, description: string): boolean {
  sendJson(ex, status, { error, error_description: description }, NO_STORE);
  return true;
}
