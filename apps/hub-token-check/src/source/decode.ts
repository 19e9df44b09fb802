/**
 * Turning a file's bytes into text, or saying why not. Ansible itself decodes ansible.cfg as UTF-8; we
 * skip (with a note, never a crash) what is binary, too big to be a config, or not UTF-8. A BOM is kept,
 * since Ansible keeps it too (and then refuses the file).
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function tooBig(size: number): string | undefined {
  return size > MAX_CONFIG_BYTES
    ? `too big for an ansible.cfg (${size} bytes; files over ${MAX_CONFIG_BYTES} bytes are skipped)`
    : undefined;
}

export function decodeConfig(bytes: Uint8Array): Decoded {
  const big = tooBig(bytes.length);
  if (big !== undefined) return { ok: false, reason: big };
  if (bytes.includes(0)) return { ok: false, reason: "binary (it holds a NUL byte)" };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: "not UTF-8 text" };
  }
}
