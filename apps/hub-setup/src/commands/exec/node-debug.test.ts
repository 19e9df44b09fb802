import { describe, expect, it } from "vitest";
import { nodeDebugEnables, tokenLeakingDebug } from "./node-debug.js";

describe("NODE_DEBUG, matched as Node matches it", () => {
  it.each([
    ["child_process", true],
    ["CHILD_PROCESS", true],
    ["net,child_process", true],
    ["child*", true],
    ["*", true],
    ["net", false],
    ["child_processes", false],
    ["", false],
  ])("%j enables child_process: %s", (value, enabled) => {
    expect(nodeDebugEnables(value, "child_process")).toBe(enabled);
    expect(tokenLeakingDebug({ NODE_DEBUG: value }) !== undefined).toBe(enabled);
  });

  it("is off without NODE_DEBUG", () => {
    expect(tokenLeakingDebug({})).toBeUndefined();
  });
});
