import { describe, expect, it } from "vitest";
import { mintHubToken, mintOfflineToken } from "@hub-setup/test-utils";
import { daysUntilIdleExpiry, idleExpiryDate } from "./idle-expiry.js";
import { tokenFingerprint } from "./fingerprint.js";

describe("tokenFingerprint", () => {
  it("is short, stable, distinct per token and ignores how the token was pasted", () => {
    const a = mintOfflineToken();
    const b = mintOfflineToken();
    expect(tokenFingerprint(a)).toMatch(/^fp-[0-9a-f]{12}$/);
    expect(tokenFingerprint(a)).toBe(tokenFingerprint(`"Bearer ${a}"\n`));
    expect(tokenFingerprint(a)).not.toBe(tokenFingerprint(b));
    const hub = mintHubToken();
    expect(hub).not.toContain(tokenFingerprint(hub).slice(3));
  });
});

describe("daysUntilIdleExpiry", () => {
  const last = new Date("2026-03-01T12:00:00Z");

  it("counts 30 days from the last successful refresh, rounding down", () => {
    expect(daysUntilIdleExpiry(last, last)).toBe(30);
    expect(daysUntilIdleExpiry(last, new Date("2026-03-02T11:59:59Z"))).toBe(29);
    expect(daysUntilIdleExpiry(last, new Date("2026-03-31T00:00:00Z"))).toBe(0);
    expect(idleExpiryDate(last).toISOString()).toBe("2026-03-31T12:00:00.000Z");
  });

  it("goes negative once the 30 days have passed, and is undefined when never refreshed", () => {
    expect(daysUntilIdleExpiry(last, new Date("2026-04-05T12:00:00Z"))).toBe(-5);
    expect(daysUntilIdleExpiry(undefined, last)).toBeUndefined();
    expect(daysUntilIdleExpiry(new Date("nonsense"), last)).toBeUndefined();
  });
});
