import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * HS256 JSON Web Tokens as Keycloak writes them. Keycloak serialises the header with Jackson's
 * spacing, `{"alg":"HS256","typ" : "JWT","kid" : "…"}`, so a real Red Hat offline token starts with
 * `eyJhbGciOiJIUzI1NiIsInR5cCIgOiAiSldUIiwia2lkIiA6ICJ`; we write the same bytes.
 */
export type JwtPayload = Record<string, unknown>;

export function signJwt(payload: JwtPayload, key: Buffer, kid: string): string {
  const header = `{"alg":"HS256","typ" : "JWT","kid" : ${JSON.stringify(kid)}}`;
  const signingInput = `${b64(header)}.${b64(JSON.stringify(payload))}`;
  return `${signingInput}.${mac(signingInput, key)}`;
}

/** The payload when the signature is ours and the header says HS256; undefined for anything else. */
export function verifyJwt(token: string, key: Buffer): JwtPayload | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [h = "", p = "", s = ""] = parts;
  const expected = Buffer.from(mac(`${h}.${p}`, key));
  const given = Buffer.from(s);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const header = parseJson(h);
  if (header?.["alg"] !== "HS256") return undefined;
  return parseJson(p);
}

function b64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

function mac(input: string, key: Buffer): string {
  return createHmac("sha256", key).update(input).digest("base64url");
}

function parseJson(part: string): JwtPayload | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value != null && !Array.isArray(value)
      ? (value as JwtPayload)
      : undefined;
  } catch {
    return undefined;
  }
}
