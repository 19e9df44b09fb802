import { describe, expect, it } from "vitest";
import { decodeConfig, decodeLenient } from "./decode.js";

describe("decodeLenient", () => {
  it("decodes UTF-8 as UTF-8, BOM kept", () => {
    expect(decodeLenient(Buffer.from("\ufeff[a]\nkey = ünï €\n"))).toBe("\ufeff[a]\nkey = ünï €\n");
  });

  it("reads each byte outside a valid UTF-8 sequence as Latin-1, one character per byte", () => {
    expect(decodeLenient(Buffer.from("caf\xe9 token = abc", "latin1"))).toBe("café token = abc");
    // A truncated sequence, an overlong form, a surrogate and a lone continuation byte.
    expect(decodeLenient(Buffer.from([0x61, 0xe2, 0x82, 0x62]))).toBe("a\u00e2\u0082b");
    expect(decodeLenient(Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x80]))).toBe(
      "\u00c0\u00af\u00ed\u00a0\u0080\u0080",
    );
    expect(decodeLenient(Buffer.from([0xf0, 0x9f, 0x98, 0x80, 0xff]))).toBe("😀\u00ff");
  });
});

describe("decodeConfig", () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x61]);

  it("keeps NUL bytes, and has no size limit", () => {
    expect(decodeConfig(Buffer.from("[a]\n\0x = 1\n"), "hubs.ini")).toEqual({
      ok: true,
      text: "[a]\n\0x = 1\n",
    });
    const big = `[a]\n${"#".repeat(3 * 1024 * 1024)}\n`;
    expect(decodeConfig(Buffer.from(big), "hubs.ini")).toEqual({ ok: true, text: big });
  });

  it("skips a real binary by its magic bytes, but never a file named like Ansible's config", () => {
    expect(decodeConfig(png, "picture.ini")).toEqual({ ok: false, reason: "binary (a PNG image)" });
    expect(decodeConfig(png, "dir/ansible.cfg").ok).toBe(true);
    expect(decodeConfig(png, ".ansible.cfg.bak").ok).toBe(true);
  });
});
