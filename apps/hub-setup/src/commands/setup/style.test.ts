import { describe, expect, it } from "vitest";
import { colourWanted } from "./style.js";

describe("colourWanted", () => {
  it("colours only a terminal, and never when NO_COLOR is set to anything", () => {
    expect(colourWanted(true, {})).toBe(true);
    expect(colourWanted(false, {})).toBe(false);
    expect(colourWanted(true, { NO_COLOR: "1" })).toBe(false);
    expect(colourWanted(true, { NO_COLOR: "" })).toBe(true);
  });
});
