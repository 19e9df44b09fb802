import { expect, it } from "vitest";
import { fixedClock } from "./clock.js";

it("moves only when told", () => {
  const clock = fixedClock("2026-03-01T00:00:00Z");
  expect(clock.now().toISOString()).toBe("2026-03-01T00:00:00.000Z");
  clock.advance(86_400_000);
  expect(clock.now().toISOString()).toBe("2026-03-02T00:00:00.000Z");
});
