import { describe, expect, it } from "vitest";
import { EXIT } from "../exit-codes.js";
import { classOfOutcome, exitCodeForResults } from "./outcome.js";

describe("one exit code for many servers", () => {
  const ok = { failure: undefined };
  it("is 0 when nothing failed, including when nothing was tried", () => {
    expect(exitCodeForResults([ok, ok])).toBe(EXIT.OK);
    expect(exitCodeForResults([])).toBe(EXIT.OK);
  });

  it("is 6 when some succeeded and some failed", () => {
    expect(exitCodeForResults([ok, { failure: "auth" }])).toBe(EXIT.PARTIAL);
  });

  it("is the shared class when all failed alike", () => {
    expect(exitCodeForResults([{ failure: "auth" }, { failure: "auth" }])).toBe(EXIT.AUTH);
    expect(exitCodeForResults([{ failure: "network" }])).toBe(EXIT.NETWORK);
    expect(exitCodeForResults([{ failure: "config" }])).toBe(EXIT.CONFIG);
    expect(exitCodeForResults([{ failure: "error" }])).toBe(EXIT.ERROR);
  });

  it("prefers what a person must fix when all failed differently", () => {
    expect(exitCodeForResults([{ failure: "network" }, { failure: "auth" }])).toBe(EXIT.AUTH);
    expect(exitCodeForResults([{ failure: "auth" }, { failure: "config" }])).toBe(EXIT.CONFIG);
  });

  it("maps core's refresh outcomes to auth or network", () => {
    for (const o of ["expired", "wrong-client", "rejected"]) expect(classOfOutcome(o)).toBe("auth");
    for (const o of ["unavailable", "network"]) expect(classOfOutcome(o)).toBe("network");
    expect(classOfOutcome("something-new")).toBe("error");
  });
});
