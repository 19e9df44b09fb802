import { describe, expect, it } from "vitest";
import { secretNeedles } from "./needles.js";

describe("secretNeedles", () => {
  it("keeps a whole hub token", () => {
    const hub = "0123456789abcdef0123456789abcdef01234567";
    expect(secretNeedles([hub])).toEqual([hub]);
  });
  it("adds a JWT's payload and signature, never its shared header", () => {
    const header = "eyJhbGciOiJIUzI1NiIsInR5cCIgOiAiSldUIn0";
    const payload = "eyJzdWIiOiJmOjEyMzQ1Njc4OTA6dXNlciIsInR5cCI6Ik9mZmxpbmUifQ";
    const signature = "c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu";
    const jwt = `${header}.${payload}.${signature}`;
    expect(secretNeedles([jwt])).toEqual([jwt, payload, signature]);
  });
  it("drops duplicates and empty values, and keeps a short value whole rather than lose it", () => {
    expect(secretNeedles(["", "  ", "short", "short"])).toEqual(["short"]);
  });
});
