import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeBase64Url } from "./base64url.js";
import { tokenFingerprint } from "./fingerprint.js";
import { sha256Hex } from "./sha256.js";

const nodeSha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

describe("sha256Hex (pure) agrees with node:crypto", () => {
  it("on the FIPS 180-4 vectors", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(sha256Hex(text(""))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex(text("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex(text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("on every length around the block and padding boundaries, and on random input", () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = randomBytes(length);
      expect(sha256Hex(bytes), `length ${length}`).toBe(nodeSha256(bytes));
    }
  });
});

describe("tokenFingerprint keeps the fingerprints already stored", () => {
  it("is the first 12 hex digits of node:crypto's SHA-256 of the domain-separated token, as before", () => {
    for (const token of [
      "0123456789abcdef0123456789abcdef01234567",
      "eyJhbGciOi.eyJ0eXAi.c2ln",
      "ünïcødé-token",
    ]) {
      const before = createHash("sha256").update(`hub-setup token v1\0${token}`).digest("hex").slice(0, 12);
      expect(tokenFingerprint(token)).toBe(`fp-${before}`);
    }
  });
});

describe("decodeBase64Url (pure) agrees with Buffer's base64url decoder", () => {
  it("on random bytes of every length, and on strings of every length mod 4", () => {
    for (let length = 0; length <= 70; length++) {
      const bytes = randomBytes(length);
      const text = bytes.toString("base64url");
      expect(Buffer.from(decodeBase64Url(text)).equals(bytes)).toBe(true);
      for (const cut of [1, 2, 3]) {
        const shorter = text.slice(0, Math.max(0, text.length - cut));
        expect(Buffer.from(decodeBase64Url(shorter)).equals(Buffer.from(shorter, "base64url"))).toBe(true);
      }
    }
  });
});
