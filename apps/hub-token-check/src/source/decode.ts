import { binaryKind, decodeLenient } from "@hub-setup/core";
import { isConfigName } from "./candidate.js";

/** Core's lenient decoding, which the detector's other callers (ee) share. */
export { decodeLenient };

/**
 * Turning a file's bytes into text the way Ansible reads ansible.cfg (Python, UTF-8 with
 * surrogateescape): every byte is read, whatever it is. A NUL byte, a Latin-1 byte or a size over a
 * megabyte never hides a token. Valid UTF-8 is decoded as such; each byte that is not part of a valid
 * sequence becomes the character of the same number (Latin-1), so columns still count one per byte
 * there. Only a real binary (an image, an archive: by its magic bytes) is skipped, and never a file
 * named like Ansible's own config. A BOM is kept, since Ansible keeps it too (and then refuses the file).
 */
export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

export function decodeConfig(bytes: Uint8Array, path: string): Decoded {
  if (!isConfigName(path)) {
    const kind = binaryKind(bytes);
    if (kind !== undefined) return { ok: false, reason: `binary (${kind})` };
  }
  try {
    return { ok: true, text: decodeLenient(bytes) };
  } catch (error) {
    // Only past what a JavaScript string can hold (about 512 MiB): say so, never skip silently.
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `too big to read as text (${bytes.length} bytes: ${why})` };
  }
}
