import { describe, expect, it } from "vitest";
import { applyBaseline, parseBaseline, renderBaseline } from "./baseline.js";
import { sampleFinding } from "../test/support/sample-result.js";

describe("baseline", () => {
  const old = sampleFinding();
  const moved = sampleFinding({ line: 40, column: 3 });
  const fresh = sampleFinding({ redacted: "hub API token ffff…0000 (40 chars)" });

  it("round-trips and leaves out what it lists, even after lines move", () => {
    const baseline = parseBaseline(renderBaseline([old]), "b.json");
    expect(applyBaseline([moved], baseline)).toEqual({ kept: [], baselined: 1 });
  });

  it("still reports a new token under the same key, and a second copy of a listed one", () => {
    const baseline = parseBaseline(renderBaseline([old]), "b.json");
    expect(applyBaseline([fresh, old, moved], baseline)).toEqual({ kept: [fresh, moved], baselined: 1 });
  });

  it("holds only redacted forms", () => {
    expect(JSON.parse(renderBaseline([old]))).toEqual({
      version: 1,
      findings: [
        { path: old.path, section: old.section, key: old.key, kind: old.kind, redacted: old.redacted },
      ],
    });
  });

  it.each([
    ["not json", "is not JSON"],
    ['{"version": 2, "findings": []}', "is not a hub-token-check baseline"],
    ['{"version": 1, "findings": [{"path": 1}]}', "is not a hub-token-check baseline"],
  ])("refuses %j with a clear message", (text, message) => {
    expect(() => parseBaseline(text, "b.json")).toThrow(message);
  });
});
