/**
 * A file's bytes as the detector's text, the way Python reads ansible.cfg (UTF-8 with surrogateescape)
 * but with one character per odd byte: valid UTF-8 is decoded as such, and each byte that is not part
 * of a valid sequence becomes the character of the same number (Latin-1), so columns still count one
 * per byte there. A NUL, a Latin-1 byte or a size never hides a token; only a real binary (binaryKind)
 * is worth skipping, and that is the caller's call.
 */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there does not start one. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  const cont = (at: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[at];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

/**
 * UTF-16 text (what Windows PowerShell 5's `>` and `Out-File` write, and Notepad's "Unicode"): by its BOM,
 * or, without one, by ASCII's zero high bytes at every other position of the start. Undefined otherwise.
 */
function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const pairs = Math.min(64, Math.floor(bytes.length / 2));
  if (pairs < 4 || bytes.length % 2 !== 0) return undefined;
  let le = 0;
  let be = 0;
  for (let i = 0; i < pairs; i++) {
    const a = bytes[2 * i] ?? 0;
    const b = bytes[2 * i + 1] ?? 0;
    if (a !== 0 && b === 0) le++;
    else if (a === 0 && b !== 0) be++;
  }
  if (le === pairs) return "utf-16le";
  return be === pairs ? "utf-16be" : undefined;
}

/** UTF-8 where it is valid, Latin-1 for each byte where it is not; UTF-16 text as UTF-16 (its BOM dropped). */
export function decodeLenient(bytes: Uint8Array): string {
  const utf16 = utf16Of(bytes);
  if (utf16 !== undefined) return new TextDecoder(utf16).decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    // Not all valid UTF-8: decode the valid runs, and the odd bytes one by one.
  }
  const parts: string[] = [];
  let run = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceAt(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (run < i) parts.push(utf8.decode(bytes.subarray(run, i)));
    parts.push(String.fromCharCode(bytes[i] ?? 0));
    i++;
    run = i;
  }
  if (run < i) parts.push(utf8.decode(bytes.subarray(run, i)));
  return parts.join("");
}
