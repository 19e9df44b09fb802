import { describe, expect, it } from "vitest";
import { catFileBatchReader } from "./cat-file-batch.js";

type Seen = [oid: string, content: string | undefined];

/** What the reader reports for `output` delivered in the given pieces. */
function read(pieces: readonly Buffer[]): Seen[] {
  const seen: Seen[] = [];
  const reader = catFileBatchReader((oid, bytes) => seen.push([oid, bytes?.toString("latin1")]));
  for (const piece of pieces) reader.push(piece);
  reader.end();
  return seen;
}

const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);
const D = "d".repeat(40);
const E = "e".repeat(40);
const object = (oid: string, type: string, content: string) =>
  `${oid} ${type} ${Buffer.byteLength(content, "latin1")}\n${content}\n`;

// Content that looks like headers and holds line feeds, a missing id, an empty blob, a tree.
const OUTPUT = Buffer.from(
  object(A, "blob", "[galaxy]\ntoken = x\n") +
    `${B} missing\n` +
    object(C, "blob", "") +
    object(D, "tree", `${E} blob 3\nabc\n`) +
    object(E, "blob", `${A} missing\n\n\xff\x00`),
  "latin1",
);
const EXPECTED: Seen[] = [
  [A, "[galaxy]\ntoken = x\n"],
  [B, undefined],
  [C, ""],
  [D, undefined],
  [E, `${A} missing\n\n\xff\x00`],
];

describe("catFileBatchReader", () => {
  it("reads every object of one piece: blobs with their bytes, missing ids and other types without", () => {
    expect(read([OUTPUT])).toEqual(EXPECTED);
  });

  it("gives the same objects whatever offset the output is split at, and byte by byte", () => {
    for (let at = 0; at <= OUTPUT.length; at++) {
      expect(read([OUTPUT.subarray(0, at), OUTPUT.subarray(at)]), `split at ${at}`).toEqual(EXPECTED);
    }
    expect(read([...OUTPUT].map((byte) => Buffer.from([byte])))).toEqual(EXPECTED);
  });

  it("rejects output that stops inside a header, a blob or before the line feed after it", () => {
    const ends = [
      A.length,
      A.length + 10,
      A.length + 16,
      OUTPUT.indexOf("\n[galaxy]") + 5,
      object(A, "blob", "[galaxy]\ntoken = x\n").length - 1,
    ];
    for (const end of ends) {
      expect(() => read([OUTPUT.subarray(0, end)]), `cut at ${end}`).toThrow(/stops inside/);
    }
    // Cut between objects the output is well formed: streamBlobs counts what was asked for.
    expect(read([OUTPUT.subarray(0, object(A, "blob", "[galaxy]\ntoken = x\n").length)])).toEqual([
      EXPECTED[0],
    ]);
  });

  it("rejects a header it cannot read and content with no line feed after it", () => {
    expect(() => read([Buffer.from(`${A} blob many\n`)])).toThrow(/header/);
    expect(() => read([Buffer.from(`${A} blob 1\nxy`)])).toThrow(/no line feed/);
  });
});
