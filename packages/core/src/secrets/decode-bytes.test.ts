import { describe, expect, it } from "vitest";
import { decodeLenient } from "./decode-bytes.js";

function utf16(text: string, order: "le" | "be", bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? "\ufeff" : "") + text;
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (order === "le" ? 0 : 1)] = u & 0xff;
    out[2 * i + (order === "le" ? 1 : 0)] = u >> 8;
  }
  return out;
}

describe("decodeLenient", () => {
  const text = "ANSIBLE_GALAXY_SERVER_LIST=pah\r\nÄ NAME=value\r\n";

  it("reads UTF-16 LE and BE text, with its BOM (PowerShell 5's `>`) or without", () => {
    for (const order of ["le", "be"] as const) {
      expect(decodeLenient(utf16(text, order, true))).toBe(text);
      expect(decodeLenient(utf16(text, order, false))).toBe(text);
    }
  });

  it("keeps UTF-8 (its BOM too) and reads odd bytes as Latin-1", () => {
    expect(decodeLenient(new TextEncoder().encode("\ufeffa=b"))).toBe("\ufeffa=b");
    expect(decodeLenient(new Uint8Array([0x61, 0xe9, 0x62]))).toBe("a\u00e9b");
    expect(decodeLenient(new Uint8Array([0x61, 0x00, 0x62]))).toBe("a\u0000b");
  });
});
