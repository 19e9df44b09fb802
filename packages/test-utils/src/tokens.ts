/**
 * Test-only tokens shaped like the real ones, the one place every workspace's tests get them from. None
 * was ever valid anywhere, and none sits in the repository as text: they are built when a test runs.
 * - mint*: random each call (signed HS256 with a test key), for tests that need distinct tokens.
 * - fake*: deterministic per seed, for fixtures whose expected output must not change between runs.
 */
import { createHash, createHmac, randomUUID } from "node:crypto";

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

function seededHex(seed: string, length: number): string {
  let out = "";
  for (let i = 0; out.length < length; i++) {
    out += createHash("sha256").update(`hub-token-check fake ${seed} ${i}`).digest("hex");
  }
  return out.slice(0, length);
}

function seededUuid(seed: string): string {
  const h = seededHex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A private hub API token (40 lower-case hex), the same for the same seed. */
export function fakeHubToken(seed = "hub"): string {
  return seededHex(seed, 40);
}

/** An AAP gateway token (30 alphanumerics), the same for the same seed. */
export function fakeGatewayToken(seed = "gateway"): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const h = seededHex(seed, 60);
  let out = "";
  for (let i = 0; i < 30; i++) out += alphabet[parseInt(h.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return out;
}

/** A JWT with a Keycloak-style header (spaces around the colons), the same for the same seed and claims. */
export function fakeJwt(seed: string, claims: Record<string, unknown>): string {
  const header = `{"alg":"HS256","typ" : "JWT","kid" : "${seededUuid(`${seed}-kid`)}"}`;
  const signature = Buffer.from(seededHex(`${seed}-sig`, 64), "hex").toString("base64url");
  return `${b64url(header)}.${b64url(JSON.stringify(claims))}.${signature}`;
}

/** A Red Hat SSO offline token (typ Offline, azp cloud-services, no exp), the same for the same seed. */
export function fakeOfflineToken(seed = "offline"): string {
  return fakeJwt(seed, {
    iat: 1767225600,
    jti: seededUuid(`${seed}-jti`),
    iss: RED_HAT_ISSUER,
    aud: RED_HAT_ISSUER,
    sub: `f:${seededUuid(`${seed}-sub`)}:fake-user`,
    typ: "Offline",
    azp: "cloud-services",
    nonce: seededUuid(`${seed}-nonce`),
    session_state: seededUuid(`${seed}-session`),
    scope: "openid api.iam.service_accounts offline_access",
    sid: seededUuid(`${seed}-session`),
  });
}

/** A short-lived access token from the same realm (typ Bearer, with exp), the same for the same seed. */
export function fakeAccessToken(seed = "access"): string {
  return fakeJwt(seed, {
    exp: 1767226500,
    iat: 1767225600,
    jti: seededUuid(`${seed}-jti`),
    iss: RED_HAT_ISSUER,
    typ: "Bearer",
    azp: "cloud-services",
    scope: "openid api.iam.service_accounts offline_access",
  });
}

/** A JWT that is not Red Hat's (another issuer, an ID token). */
export function fakeOtherJwt(seed = "other"): string {
  return fakeJwt(seed, { iss: "https://login.example.com/", typ: "ID", sub: "someone" });
}

/** A Red Hat SSO token with other claims (`typ`, `iss`) over the offline token's, the same for the same seed. */
function fakeSsoToken(seed: string, claims: Record<string, unknown>): string {
  const iss = typeof claims["iss"] === "string" ? claims["iss"] : RED_HAT_ISSUER;
  return fakeJwt(seed, {
    iat: 1767225600,
    jti: seededUuid(`${seed}-jti`),
    iss,
    aud: iss,
    sub: `f:${seededUuid(`${seed}-sub`)}:fake-user`,
    typ: "Offline",
    azp: "cloud-services",
    session_state: seededUuid(`${seed}-session`),
    scope: "openid api.iam.service_accounts offline_access",
    ...claims,
  });
}

/** Where fixtures wrap an offline token over two lines: the first 80 characters, and the rest. */
const SPLIT_AT = 80;

const MAKERS: Record<string, (seed: string) => string> = {
  hub: fakeHubToken,
  gateway: fakeGatewayToken,
  offline: fakeOfflineToken,
  access: fakeAccessToken,
  jwt: fakeOtherJwt,
  /** base64 of a hub token, as a Kubernetes Secret's `data:` holds it. */
  hub64: (seed) => Buffer.from(fakeHubToken(seed), "utf8").toString("base64"),
  offlinehead: (seed) => fakeOfflineToken(seed).slice(0, SPLIT_AT),
  offlinetail: (seed) => fakeOfflineToken(seed).slice(SPLIT_AT),
  // Appended for the token-shape cases (probe12):
  /** A Red Hat SSO refresh token (typ Refresh: a browser session's), from sso.redhat.com. */
  refresh: (seed) => fakeSsoToken(seed, { typ: "Refresh" }),
  /** An offline token from Red Hat's stage SSO, on Keycloak's newer path (no `/auth`). */
  stageoffline: (seed) => fakeSsoToken(seed, { iss: "https://sso.stage.redhat.com/realms/redhat-external" }),
  /** typ Offline from another Keycloak: not a hub token. */
  kcoffline: (seed) => fakeSsoToken(seed, { iss: "https://keycloak.corp.example.com/realms/ops" }),
  /** typ Refresh from another Keycloak: not a hub token. */
  kcrefresh: (seed) =>
    fakeSsoToken(seed, { typ: "Refresh", iss: "https://keycloak.corp.example.com/realms/ops" }),
  /** A git object id or SHA-1 checksum: 40 hex, like a hub token. */
  sha: (seed) => seededHex(`git object ${seed}`, 40),
  /** Standard base64 of an offline token, as a Kubernetes Secret's `data:` holds it. */
  offline64: (seed) => Buffer.from(fakeOfflineToken(seed), "utf8").toString("base64"),
  /** An offline token cut in three, for wrapped lines: first, second and last third. */
  offline3a: (seed) => thirdOf(fakeOfflineToken(seed), 0),
  offline3b: (seed) => thirdOf(fakeOfflineToken(seed), 1),
  offline3c: (seed) => thirdOf(fakeOfflineToken(seed), 2),
  // Appended for the value cases (probe12):
  /** A SealedSecret's ciphertext shape: `AgB` and base64 (no secret: kubeseal encrypts it). */
  sealed: (seed) => `AgB${Buffer.from(seededHex(`sealed-${seed}`, 400), "hex").toString("base64")}`,
  /** The base64 `data:` inside a SOPS `ENC[AES256_GCM,data:…]` value. */
  sopsdata: (seed) => Buffer.from(seededHex(`sops-${seed}`, 80), "hex").toString("base64"),
  // Appended for the probe13 cases:
  /** Standard base64 of an ansible.cfg with a hub token in a galaxy server, as a Secret's `data:` holds it. */
  cfg64: (seed) =>
    Buffer.from(
      `[galaxy_server.ah]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${fakeHubToken(seed)}\n`,
      "utf8",
    ).toString("base64"),
};

function thirdOf(token: string, k: number): string {
  const n = Math.ceil(token.length / 3);
  return token.slice(k * n, (k + 1) * n);
}

/**
 * Fills a fixture's `@@kind:seed@@` markers with fake tokens (kinds: hub, gateway, offline, access,
 * jwt; hub64, offlinehead, offlinetail; refresh, stageoffline, kcoffline, kcrefresh, sha, offline64,
 * offline3a/b/c; sealed, sopsdata; cfg64), so that fixture files hold no token-shaped text themselves.
 */
export function fillTokens(template: string): string {
  return template.replace(/@@(\w+):([\w-]+)@@/g, (whole, kind: string, seed: string) => {
    const make = MAKERS[kind];
    if (make === undefined) throw new Error(`unknown fake token kind in ${whole}`);
    return make(seed);
  });
}
