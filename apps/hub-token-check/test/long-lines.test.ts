// Every pattern on the scan's hot path is linear: a 1 MB line of the shapes that made the URL and JWT
// regexes backtrack (`a-a-a…`, `eyJeyJ…`, `a.a.…`, `a+a+…`) scans like any other line. Nothing here
// times the scan: a pattern that backtracked would take minutes on these lines, and vitest's test
// timeout (30 s in this repository) fails it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanConfigText } from "../src/scan/scan-config.js";
import type { Finding } from "../src/scan/finding.js";
import { fakeOfflineToken } from "./support/fake-tokens.js";

const SHAPES = ["a-", "eyJ", "a.", "a+", ").", "x"];
const MB = 1_000_000;

function filled(units: readonly string[], length: number): string {
  const pattern = units.join("");
  return pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
}

describe("a 1 MB line", () => {
  it.each(SHAPES)("of %j, in a comment, a URL and a value, is judged like a short one", (unit) => {
    const body = filled([unit], MB);
    const kinds = (line: string) =>
      scanConfigText("ansible.cfg", `[galaxy_server.hub]\n${line}\n`).findings.map((f) => f.kind);
    expect(kinds(`# ${body}`)).toEqual([]);
    expect(kinds(`url = https://hub.example.com/${body}`)).toEqual([]);
    // As a token's value it is judged like the same value 40 characters long (a secret, or `xxxx…`).
    expect(kinds(`token = ${body}`)).toEqual(kinds(`token = ${body.slice(0, 40)}`));
  });
});

/** The findings without their position on the line: what a long and a short line must share. */
function shifted(findings: readonly Finding[], by: number) {
  return findings.map((f) => ({ ...f, column: f.column - by, endColumn: f.endColumn - by }));
}

describe("random long lines", () => {
  const secrets = ["", "https://admin:Hunter2Secret!@hub.example.com/", fakeOfflineToken("long-line")];
  it("find what the same line with a short filler finds, at the same place after the filler", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SHAPES), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...secrets),
        fc.constantFrom("# ", "; old: ", "url = https://hub.example.com/"),
        (units, secret, prefix) => {
          const long = filled(units, 200_000);
          const short = long.slice(0, 40);
          const scan = (filler: string) =>
            scanConfigText("ansible.cfg", `[galaxy]\n${prefix}${filler} ${secret}\n`).findings;
          expect(shifted(scan(long), long.length - short.length)).toEqual(scan(short));
        },
      ),
      { seed: 16_006, numRuns: 12 },
    );
  });
});
