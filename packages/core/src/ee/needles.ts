/**
 * What to look for in a built image so that a token is found even when only part of it leaked: the
 * whole value, and for a JWT (an offline or access token) its payload and signature on their own (a
 * header is the same for every token of an issuer, so it proves nothing). Pieces shorter than
 * `minLength` are dropped: they would match by chance.
 */
export function secretNeedles(values: readonly string[], minLength = 16): string[] {
  const out = new Set<string>();
  for (const raw of values) {
    const value = raw.trim();
    if (value.length < minLength) {
      if (value.length > 0) out.add(value);
      continue;
    }
    out.add(value);
    const parts = value.split(".");
    if (parts.length === 3) {
      for (const part of parts.slice(1)) if (part.length >= minLength) out.add(part);
    }
  }
  return [...out];
}
