import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jwtSpans } from "./jwt-spans.js";

/** The regex the scanner replaces: right on short text, quadratic on `eyJeyJeyJ…`. */
const REFERENCE = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

function byRegex(text: string) {
  return [...text.matchAll(REFERENCE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

describe("jwtSpans", () => {
  it("finds JWT-shaped words where the regex does", () => {
    const text =
      "a eyJabcdefgh.eyJabcdefgh.abcdefgh, xxeyJabcdefghi.eyJ12345678.12345678.eyJabcdefgh.eyJabcdefgh.x";
    expect(jwtSpans(text)).toEqual(byRegex(text));
    expect(jwtSpans(text)).toHaveLength(2);
  });

  it("agrees with the regex on random short text", () => {
    const pieces = ["eyJ", "eyJ", "a", "b", "-", "_", ".", ".", " ", "abcdefgh", "12345678", "e", "yJ"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(jwtSpans(text)).toEqual(byRegex(text));
      }),
      { seed: 16_062, numRuns: 3000 },
    );
  });
});
