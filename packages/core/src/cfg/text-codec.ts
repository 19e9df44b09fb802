/**
 * Bytes <-> text the way ansible-core reads a config file: UTF-8 with Python's "surrogateescape", so a
 * byte that is not valid UTF-8 becomes the lone surrogate U+DC80..U+DCFF instead of failing or turning
 * into U+FFFD, and a BOM is kept (then ConfigParser refuses the file, as Ansible does). Encoding maps
 * those surrogates back to their bytes, so reading and writing an untouched line is lossless.
 */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decodeConfigBytes(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decodeEscaping(bytes);
  }
}

const isCont = (b: number | undefined): boolean => b !== undefined && b >= 0x80 && b <= 0xbf;

/** Length of the valid UTF-8 sequence at i (Python's rules: no overlongs, no surrogates), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  const b1 = bytes[i + 1];
  if (b >= 0xc2 && b <= 0xdf) return isCont(b1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    if (b1 === undefined) return 0;
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return b1 >= lo && b1 <= hi && isCont(bytes[i + 2]) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (b1 === undefined) return 0;
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return b1 >= lo && b1 <= hi && isCont(bytes[i + 2]) && isCont(bytes[i + 3]) ? 4 : 0;
  }
  return 0;
}

function decodeEscaping(bytes: Uint8Array): string {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    if (start < i) parts.push(strictUtf8.decode(bytes.subarray(start, i)));
    parts.push(String.fromCharCode(0xdc00 + b));
    start = ++i;
  }
  if (start < bytes.length) parts.push(strictUtf8.decode(bytes.subarray(start)));
  return parts.join("");
}

const ESCAPED = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

const utf8 = new TextEncoder();

export function encodeConfigText(text: string): Uint8Array {
  if (!ESCAPED.test(text)) return utf8.encode(text);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (c >= 0xdc80 && c <= 0xdcff && !(prev >= 0xd800 && prev <= 0xdbff)) {
      chunks.push(utf8.encode(text.slice(start, i)), Uint8Array.of(c - 0xdc00));
      start = i + 1;
    }
  }
  chunks.push(utf8.encode(text.slice(start)));
  return concatBytes(chunks);
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
