import { describe, expect, it } from "vitest";
import { redactValue } from "./redact.js";

describe("redactValue", () => {
  it("keeps four characters from each end of a 40-hex hub token, and its length", () => {
    const token = "0123456789abcdef0123456789abcdef01234567";
    const shown = redactValue(token, "hub token");
    expect(shown).toBe("hub token 0123…4567 (40 chars)");
    expect(shown).not.toContain(token.slice(4, 36));
  });

  it("shows nothing of a short value but its length", () => {
    expect(redactValue("p@ssw0rd", "password")).toBe("password (8 chars)");
  });

  it("trims surrounding whitespace before measuring", () => {
    expect(redactValue("   ")).toBe("secret (empty)");
  });
});
