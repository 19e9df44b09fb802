/**
 * Fake tokens shaped like the real ones, built at test time so that no token-shaped string sits in the
 * repository. Deterministic per seed, so fixture outputs are stable. None of them was ever valid.
 */
import { createHash } from "node:crypto";

function hex(seed: string, length: number): string {
  let out = "";
  for (let i = 0; out.length < length; i++) {
    out += createHash("sha256").update(`hub-token-check fake ${seed} ${i}`).digest("hex");
  }
  return out.slice(0, length);
}

function uuid(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function b64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** A private hub API token: 40 lower-case hex. */
export function fakeHubToken(seed = "hub"): string {
  return hex(seed, 40);
}

/** An AAP gateway token: 30 alphanumerics. */
export function fakeGatewayToken(seed = "gateway"): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const h = hex(seed, 60);
  let out = "";
  for (let i = 0; i < 30; i++) out += alphabet[parseInt(h.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return out;
}

/** A JWT with a Keycloak-style header (spaces around the colons, as Red Hat SSO writes it). */
export function fakeJwt(seed: string, claims: Record<string, unknown>): string {
  const header = `{"alg":"HS256","typ" : "JWT","kid" : "${uuid(`${seed}-kid`)}"}`;
  const signature = Buffer.from(hex(`${seed}-sig`, 64), "hex").toString("base64url");
  return `${b64url(header)}.${b64url(JSON.stringify(claims))}.${signature}`;
}

const RED_HAT_ISSUER = "https://sso.redhat.com/auth/realms/redhat-external";

/** A Red Hat SSO offline token: typ Offline, azp cloud-services, the redhat-external realm, no exp. */
export function fakeOfflineToken(seed = "offline"): string {
  return fakeJwt(seed, {
    iat: 1767225600,
    jti: uuid(`${seed}-jti`),
    iss: RED_HAT_ISSUER,
    aud: RED_HAT_ISSUER,
    sub: `f:${uuid(`${seed}-sub`)}:fake-user`,
    typ: "Offline",
    azp: "cloud-services",
    nonce: uuid(`${seed}-nonce`),
    session_state: uuid(`${seed}-session`),
    scope: "openid api.iam.service_accounts offline_access",
    sid: uuid(`${seed}-session`),
  });
}

/** A short-lived access token from the same realm (typ Bearer, with exp). */
export function fakeAccessToken(seed = "access"): string {
  return fakeJwt(seed, {
    exp: 1767226500,
    iat: 1767225600,
    jti: uuid(`${seed}-jti`),
    iss: RED_HAT_ISSUER,
    typ: "Bearer",
    azp: "cloud-services",
    scope: "openid api.iam.service_accounts offline_access",
  });
}

/** A JWT that is not Red Hat's (another issuer, an ID token): flagged only under a secret key. */
export function fakeOtherJwt(seed = "other"): string {
  return fakeJwt(seed, { iss: "https://login.example.com/", typ: "ID", sub: "someone" });
}

const MAKERS: Record<string, (seed: string) => string> = {
  hub: fakeHubToken,
  gateway: fakeGatewayToken,
  offline: fakeOfflineToken,
  access: fakeAccessToken,
  jwt: fakeOtherJwt,
};

/**
 * Fills a fixture's `@@kind:seed@@` markers with fake tokens (kinds: hub, gateway, offline, access,
 * jwt), so that fixture files hold no token-shaped text themselves.
 */
export function fillTokens(template: string): string {
  return template.replace(/@@(\w+):([\w-]+)@@/g, (whole, kind: string, seed: string) => {
    const make = MAKERS[kind];
    if (make === undefined) throw new Error(`unknown fake token kind in ${whole}`);
    return make(seed);
  });
}
