/**
 * A minimal POSIX ustar writer: regular files and directories, owned by root, fixed mtime — enough
 * for a collection artifact that Python's tarfile (and so ansible-galaxy) reads. Deterministic:
 * the same entries always give the same bytes.
 */
export type TarEntry = { path: string; type: "file"; content: Buffer } | { path: string; type: "dir" };

const BLOCK = 512;

export function writeTar(entries: readonly TarEntry[], mtimeSeconds: number): Buffer {
  const chunks: Buffer[] = [];
  for (const entry of entries) {
    const name = entry.type === "dir" ? `${entry.path.replace(/\/$/, "")}/` : entry.path;
    const size = entry.type === "file" ? entry.content.length : 0;
    chunks.push(header(name, entry.type, size, mtimeSeconds));
    if (entry.type === "file") {
      chunks.push(entry.content);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad > 0) chunks.push(Buffer.alloc(pad));
    }
  }
  chunks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(chunks);
}

function header(name: string, type: "file" | "dir", size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  const [prefix, base] = splitName(name);
  h.write(base, 0, 100, "utf8");
  octal(h, 100, 8, type === "dir" ? 0o755 : 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, mtime);
  h.fill(0x20, 148, 156); // the checksum field counts as spaces while summing
  h.write(type === "dir" ? "5" : "0", 156, 1, "ascii");
  h.write("ustar\0", 257, 6, "ascii");
  h.write("00", 263, 2, "ascii");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return h;
}

/** ustar keeps names up to 100 bytes, or 255 split at a `/` into a 155-byte prefix and the rest. */
function splitName(name: string): [string, string] {
  if (Buffer.byteLength(name) <= 100) return ["", name];
  for (let i = name.lastIndexOf("/", name.length - 2); i > 0; i = name.lastIndexOf("/", i - 1)) {
    const prefix = name.slice(0, i);
    const base = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) return [prefix, base];
  }
  throw new RangeError(`tar entry name too long for ustar: ${name}`);
}

function octal(h: Buffer, offset: number, width: number, value: number): void {
  h.write(`${value.toString(8).padStart(width - 1, "0")}\0`, offset, width, "ascii");
}
