import { describe, expect, it } from "vitest";
import { errorCommand, fileCommandEntry, maskCommand, noticeCommand } from "./workflow-commands.js";

// Expected bytes as actions/toolkit writes them (packages/core/src/command.ts, file-command.ts).
describe("workflow commands", () => {
  it("escapes %, CR and LF in a message, and also : and , in a property", () => {
    expect(maskCommand("a%b\r\nc")).toBe("::add-mask::a%25b%0D%0Ac\n");
    expect(errorCommand("50% done\nthen: failed", "hub: a, b")).toBe(
      "::error title=hub%3A a%2C b::50%25 done%0Athen: failed\n",
    );
    expect(noticeCommand("fine")).toBe("::notice::fine\n");
    expect(errorCommand("x", "")).toBe("::error::x\n");
  });

  it("writes a NAME<<DELIMITER entry that carries any value, lines included", () => {
    expect(fileCommandEntry("A", "one\ntwo", "ghadelimiter_1")).toBe(
      "A<<ghadelimiter_1\none\ntwo\nghadelimiter_1\n",
    );
  });

  it("refuses a value or name holding the delimiter (it would end the entry and inject another)", () => {
    expect(() => fileCommandEntry("A", "x\nD\nB=evil", "D")).toThrow(/contains the delimiter/);
    expect(() => fileCommandEntry("AD", "x", "D")).toThrow(/contains the delimiter/);
    expect(() => fileCommandEntry("A=B", "x", "D")).toThrow(/cannot be a variable name/);
  });
});
