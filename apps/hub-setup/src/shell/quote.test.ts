import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignmentLine, canAssign, defaultShell, quoteFish, quotePowerShell, quoteSh } from "./quote.js";

/**
 * Readers of one single-quoted word, written from each shell's manual (not from our quoting code), so
 * that a round trip proves the quoting: sh has no escapes inside '…'; fish has \\ and \'; PowerShell
 * doubles the quote, and counts ‘ ’ ‚ ‛ as quotes too.
 */
function readShWords(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      expect(end).toBeGreaterThan(i);
      out += text.slice(i + 1, end);
      i = end + 1;
    } else if (c === "\\") {
      out += text[i + 1];
      i += 2;
    } else {
      throw new Error(`unquoted ${JSON.stringify(c)} in ${text}`);
    }
  }
  return out;
}

function readFishWord(text: string): string {
  expect(text.startsWith("'") && text.endsWith("'")).toBe(true);
  let out = "";
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "\\" && (next === "\\" || next === "'")) {
      out += next;
      i++;
    } else if (c === "'") {
      throw new Error(`the word ends early at ${i}: ${text}`);
    } else out += c;
  }
  return out;
}

const PS_QUOTES = "'\u2018\u2019\u201a\u201b";
function readPowerShellWord(text: string): string {
  expect(PS_QUOTES.includes(text[0]!) && PS_QUOTES.includes(text.at(-1)!)).toBe(true);
  let out = "";
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i]!;
    if (PS_QUOTES.includes(c)) {
      expect(PS_QUOTES.includes(text[i + 1]!), `lone quote at ${i} in ${text}`).toBe(true);
      out += c;
      i++;
    } else out += c;
  }
  return out;
}

const nasty = [
  "",
  "plain",
  "it's",
  "a'b'c",
  "\\",
  "\\'",
  "$HOME `id` $(id)",
  "line\nbreak",
  "‘curly’",
  "%s;&|",
];

describe("quoting per shell", () => {
  it.each(nasty)("reads %j back exactly in sh, fish and PowerShell", (value) => {
    expect(readShWords(quoteSh(value))).toBe(value);
    expect(readFishWord(quoteFish(value))).toBe(value);
    expect(readPowerShellWord(quotePowerShell(value))).toBe(value);
  });

  it("round-trips any string (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (value) => {
        expect(readShWords(quoteSh(value))).toBe(value);
        expect(readFishWord(quoteFish(value))).toBe(value);
        expect(readPowerShellWord(quotePowerShell(value))).toBe(value);
      }),
    );
  });
});

describe("assignment lines", () => {
  it("exports the variable in each shell's syntax", () => {
    expect(assignmentLine("sh", "ANSIBLE_GALAXY_SERVER_HUB_TOKEN", "ab'c")).toBe(
      `export ANSIBLE_GALAXY_SERVER_HUB_TOKEN='ab'\\''c'`,
    );
    expect(assignmentLine("fish", "ANSIBLE_GALAXY_SERVER_HUB_TOKEN", "ab'c")).toBe(
      `set -gx ANSIBLE_GALAXY_SERVER_HUB_TOKEN 'ab\\'c'`,
    );
    expect(assignmentLine("powershell", "ANSIBLE_GALAXY_SERVER_HUB_TOKEN", "ab'c")).toBe(
      `$env:ANSIBLE_GALAXY_SERVER_HUB_TOKEN = 'ab''c'`,
    );
  });

  it("refuses a name sh or fish cannot set, and braces it for PowerShell", () => {
    expect(canAssign("sh", "ANSIBLE_GALAXY_SERVER_MY-HUB_TOKEN")).toBe(false);
    expect(canAssign("fish", "ANSIBLE_GALAXY_SERVER_MY-HUB_TOKEN")).toBe(false);
    expect(() => assignmentLine("sh", "A-B", "x")).toThrow(/not a variable name sh can set/);
    expect(assignmentLine("powershell", "ANSIBLE_GALAXY_SERVER_MY-HUB_TOKEN", "x")).toBe(
      "${env:ANSIBLE_GALAXY_SERVER_MY-HUB_TOKEN} = 'x'",
    );
  });

  it("picks the shell from $SHELL", () => {
    expect(defaultShell({ SHELL: "/usr/bin/fish" })).toBe("fish");
    expect(defaultShell({ SHELL: "/opt/microsoft/powershell/7/pwsh" })).toBe("powershell");
    expect(defaultShell({ SHELL: "/bin/zsh" })).toBe("sh");
    expect(defaultShell({})).toBe("sh");
  });
});
