import { createHmac, randomUUID } from "node:crypto";

/** Keycloak writes its JWT header with spaces; Red Hat's offline tokens start with exactly these bytes. */
const KEYCLOAK_HEADER = '{"alg":"HS256","typ" : "JWT","kid" : "test-kid"}';

function b64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** Signs claims as HS256 with a test key: the same shape as Red Hat SSO's tokens, never a real one. */
export function mintJwt(claims: Record<string, unknown>, key = "test-signing-key"): string {
  const head = b64url(KEYCLOAK_HEADER);
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac("sha256", key).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${sig}`;
}

export const RED_HAT_ISSUER = "https://sso.redhat.com/auth/realms/redhat-external";

/** An offline token as Red Hat SSO issues it for Automation Hub: typ Offline, azp cloud-services, no exp. */
export function mintOfflineToken(overrides: Record<string, unknown> = {}): string {
  return mintJwt({
    iat: 1_767_225_600,
    jti: randomUUID(),
    iss: RED_HAT_ISSUER,
    aud: RED_HAT_ISSUER,
    sub: `f:${randomUUID()}:someone`,
    typ: "Offline",
    azp: "cloud-services",
    nonce: randomUUID(),
    session_state: randomUUID(),
    scope: "openid api.iam.service_accounts offline_access",
    sid: randomUUID(),
    ...overrides,
  });
}

/** A 15-minute access token as Red Hat SSO answers a refresh with. */
export function mintAccessToken(overrides: Record<string, unknown> = {}): string {
  return mintJwt({
    exp: 1_767_226_500,
    iat: 1_767_225_600,
    jti: randomUUID(),
    iss: RED_HAT_ISSUER,
    typ: "Bearer",
    azp: "cloud-services",
    sub: `f:${randomUUID()}:someone`,
    scope: "openid api.iam.service_accounts offline_access",
    ...overrides,
  });
}

/** A private hub API token: 40 lower-case hex characters, as galaxy_ng makes them. */
export function mintHubToken(): string {
  return randomUUID().replace(/-/g, "") + randomUUID().replace(/-/g, "").slice(0, 8);
}
