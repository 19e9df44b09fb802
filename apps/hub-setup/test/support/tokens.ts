import { randomBytes } from "node:crypto";

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A JWT shaped like a Red Hat offline token (never valid anywhere: the signature is random). */
export function offlineToken(claims: Record<string, unknown> = {}): string {
  const header = { alg: "HS256", typ: "JWT", kid: "test" };
  const payload = {
    iat: 1_700_000_000,
    jti: randomBytes(8).toString("hex"),
    iss: "https://sso.redhat.com/auth/realms/redhat-external",
    aud: "https://sso.redhat.com/auth/realms/redhat-external",
    sub: "f:00000000-0000-0000-0000-000000000000:tester",
    typ: "Offline",
    azp: "cloud-services",
    scope: "openid offline_access",
    ...claims,
  };
  return `${b64(header)}.${b64(payload)}.${randomBytes(32).toString("base64url")}`;
}

/** A short-lived access token: a Bearer JWT with `exp`. */
export function accessToken(): string {
  return offlineToken({ typ: "Bearer", exp: 1_700_000_900 });
}

/** A private automation hub API token: 40 lower-case hex characters. */
export function hubToken(): string {
  return randomBytes(20).toString("hex");
}
