import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { urlsInText } from "./urls-in-text.js";

/** The regex the scanner replaces: right on short text, quadratic on long runs of scheme characters. */
const REFERENCE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>]+/gi;

function byRegex(text: string) {
  return [...text.matchAll(REFERENCE)].map((m) => ({ start: m.index, text: m[0] }));
}

describe("urlsInText", () => {
  it("finds URLs where the regex does", () => {
    expect(urlsInText("see https://h.example.com/x), or ftp://a@b and _x://no 1a://no a.b+c://yes")).toEqual(
      byRegex("see https://h.example.com/x), or ftp://a@b and _x://no 1a://no a.b+c://yes"),
    );
    expect(urlsInText("x_http://a -http://b http:// c://d://e")).toEqual(
      byRegex("x_http://a -http://b http:// c://d://e"),
    );
  });

  it("agrees with the regex on random short text", () => {
    const pieces = ["a", "Z", "1", "_", "-", "+", ".", ":", "/", "://", " ", "'", "<", "@", "?", "é", "http"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(urlsInText(text)).toEqual(byRegex(text));
      }),
      { seed: 16_061, numRuns: 3000 },
    );
  });
});
