/**
 * What real binary a file is, by its magic bytes (images, archives, compressed data, executables,
 * databases): such a file is no config, and scanning it would only find noise. Anything else is text
 * to us, whatever bytes it holds (a NUL, Latin-1), because Ansible reads it so.
 */
const MAGIC: ReadonlyArray<readonly [offset: number, bytes: readonly number[], kind: string]> = [
  [0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG image"],
  [0, [0xff, 0xd8, 0xff], "a JPEG image"],
  [0, [0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [0, [0x50, 0x4b, 0x03, 0x04], "a zip archive"],
  [0, [0x50, 0x4b, 0x05, 0x06], "a zip archive"],
  [0, [0x1f, 0x8b], "gzip data"],
  [0, [0x42, 0x5a, 0x68], "bzip2 data"],
  [0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], "xz data"],
  [0, [0x28, 0xb5, 0x2f, 0xfd], "zstd data"],
  [0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], "a 7z archive"],
  [257, [0x75, 0x73, 0x74, 0x61, 0x72], "a tar archive"],
  [0, [0x7f, 0x45, 0x4c, 0x46], "an ELF executable"],
  [0, [0xca, 0xfe, 0xba, 0xbe], "a Java class or Mach-O file"],
  [0, [0xcf, 0xfa, 0xed, 0xfe], "a Mach-O executable"],
  [0, [0x25, 0x50, 0x44, 0x46, 0x2d], "a PDF document"],
  [
    0,
    [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00],
    "an SQLite database",
  ],
  [0, [0x00, 0x61, 0x73, 0x6d], "a WebAssembly module"],
];

/** `RIFF····WEBP` and friends: the format is at offset 8. */
const RIFF = [0x52, 0x49, 0x46, 0x46];

function startsWithAt(bytes: Uint8Array, offset: number, magic: readonly number[]): boolean {
  if (bytes.length < offset + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[offset + i] !== magic[i]) return false;
  return true;
}

/** The kind of binary `bytes` is ("a PNG image"), or undefined when it is not a known binary format. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [offset, magic, kind] of MAGIC) if (startsWithAt(bytes, offset, magic)) return kind;
  if (startsWithAt(bytes, 0, RIFF) && bytes.length >= 12) return "a RIFF file (WebP, WAV, AVI)";
  return undefined;
}
