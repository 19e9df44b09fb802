/**
 * base64url (RFC 4648 §5) to bytes, without a runtime's Buffer. Lenient the way Node's decoder is: no
 * padding needed, a lone trailing character (6 bits, less than a byte) is ignored. Callers check the
 * alphabet first; a character outside it decodes as zero bits.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function decodeBase64Url(text: string): Uint8Array {
  const s = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (const c of s) {
    bits = (bits << 6) | (VALUE.get(c) ?? 0);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[at++] = (bits >> count) & 0xff;
      bits &= (1 << count) - 1;
    }
  }
  return out.subarray(0, at);
}
