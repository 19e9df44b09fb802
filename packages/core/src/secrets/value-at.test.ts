import { describe, expect, it } from "vitest";
import { bareWordEnd } from "./value-at.js";

/** The definition, one character at a time: a WORD_END character or an escaped `\n`/`\t`/`\r` ends it. */
function endOneByOne(raw: string, at: number): number {
  let end = at;
  const escapedBreak = (i: number) => raw[i] === "\\" && ["n", "t", "r"].includes(raw[i + 1] ?? "");
  while (end < raw.length && !/[\s,;})\]"']/.test(raw.charAt(end)) && !escapedBreak(end)) end++;
  return end;
}

describe("bareWordEnd", () => {
  it("ends where the character-by-character definition ends, on every start of many mixed strings", () => {
    const alphabet = [
      "a",
      "Z",
      "0",
      "=",
      "\\",
      "n",
      "t",
      "r",
      " ",
      "\t",
      "\u00a0",
      "\u2028",
      ",",
      ";",
      "}",
      ")",
      "]",
      '"',
      "'",
      "{",
      "(",
      "[",
      "$",
      "é",
      "\ufeff",
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 2000; n++) {
      const raw = Array.from({ length: 1 + (next() % 24) }, () => alphabet[next() % alphabet.length]).join(
        "",
      );
      for (let at = 0; at <= raw.length; at++)
        expect(bareWordEnd(raw, at), JSON.stringify([raw, at])).toBe(endOneByOne(raw, at));
    }
  });

  it("keeps a backslash that starts no escaped break, and stops at one that does", () => {
    expect(bareWordEnd(String.raw`C:\Users\x y`, 0)).toBe(10);
    expect(bareWordEnd(String.raw`pw\npassword=x`, 0)).toBe(2);
  });
});
