import { decodeBase64Url } from "./base64url.js";

/**
 * Reading a JWT without verifying it. Red Hat's offline tokens are HS256 with a key only the server
 * holds, so no client can check the signature; we only read the claims that tell us what a token is.
 */
export type JwtClaims = {
  iss?: string;
  azp?: string;
  typ?: string;
  sub?: string;
  exp?: number;
  iat?: number;
  scope?: string;
};

export type DecodedJwt =
  { ok: true; header: Record<string, unknown>; claims: JwtClaims } | { ok: false; reason: string };

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** As Buffer#toString did: invalid UTF-8 becomes U+FFFD and a BOM is kept (so JSON.parse refuses it). */
/** Made on first use: most runs (a commit's clean ansible.cfg) decode no JWT. */
let utf8: InstanceType<typeof TextDecoder> | undefined;
function decodeUtf8(bytes: Uint8Array): string {
  utf8 ??= new TextDecoder("utf-8", { ignoreBOM: true });
  return utf8.decode(bytes);
}

/** Three base64url parts joined by dots: the shape of a JWS compact serialisation. */
export function looksLikeJwt(value: string): boolean {
  const parts = value.split(".");
  return parts.length === 3 && parts.every((p) => p.length > 0 && BASE64URL.test(p));
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(decodeUtf8(decodeBase64Url(part)));
    return typeof parsed === "object" && parsed != null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function pickString(source: Record<string, unknown>, key: string): string | undefined {
  const v = source[key];
  return typeof v === "string" ? v : undefined;
}

function pickNumber(source: Record<string, unknown>, key: string): number | undefined {
  const v = source[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Only the claims that matter to us, each kept only when it has the expected type. */
function pickClaims(payload: Record<string, unknown>): JwtClaims {
  const claims: JwtClaims = {};
  for (const key of ["iss", "azp", "typ", "sub", "scope"] as const) {
    const v = pickString(payload, key);
    if (v !== undefined) claims[key] = v;
  }
  for (const key of ["exp", "iat"] as const) {
    const v = pickNumber(payload, key);
    if (v !== undefined) claims[key] = v;
  }
  return claims;
}

export function decodeJwt(value: string): DecodedJwt {
  if (!looksLikeJwt(value)) return { ok: false, reason: "not three base64url parts joined by dots" };
  const [headerPart = "", payloadPart = ""] = value.split(".");
  const header = decodePart(headerPart);
  if (header === undefined || typeof header["alg"] !== "string") {
    return { ok: false, reason: "its first part is not a JWT header" };
  }
  const payload = decodePart(payloadPart);
  if (payload === undefined) {
    return {
      ok: false,
      reason: "its payload cannot be read: was it cut short or changed while copying?",
    };
  }
  return { ok: true, header, claims: pickClaims(payload) };
}
