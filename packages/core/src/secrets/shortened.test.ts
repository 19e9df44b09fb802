import { fakeHubToken, fakeOfflineToken } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { isShortened, withoutTrailingEllipsis } from "./shortened.js";

describe("isShortened", () => {
  it("reads documentation's cut and masked tokens as shortened", () => {
    for (const text of [
      "eyJhbGciOi...",
      "eyJhbGciOiJIUzUxMiIsInR5cCIgOiAiSldUIiwia2lkIiA6...5Xk2Qw",
      "eyJhbGciOiJIUzUxMiIsInR5cCIgOiAiSldUIiwia2lkIiA6\u20265Xk2Qw",
      "e402********************************53ac",
      "e402****\u2026****53ac",
      "e402\u202653ac",
    ])
      expect(isShortened(text), text).toBe(true);
  });

  it("keeps a whole token beside an ellipsis, and text without one", () => {
    const hub = fakeHubToken("shortened");
    const offline = fakeOfflineToken("shortened");
    expect(isShortened(`${hub}...`)).toBe(false);
    expect(isShortened(`${offline}\u2026`)).toBe(false);
    expect(isShortened(hub)).toBe(false);
    expect(withoutTrailingEllipsis(`${offline}...`)).toBe(offline);
    expect(withoutTrailingEllipsis("eyJhbGciOi...")).toBe("eyJhbGciOi...");
  });
});
