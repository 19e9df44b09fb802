import type { SandboxClock } from "./types.js";

/**
 * The sandbox clock: a base clock (the real one unless a test injects its own) plus an offset that
 * advance() and set() move. Only the offset is persisted, so a restarted sandbox with the same state
 * dir keeps living "31 days later" while real time keeps running underneath.
 */
export function createSandboxClock(
  base: { now(): Date },
  offset: { get(): number; set(ms: number): void },
): SandboxClock {
  return {
    now: () => new Date(base.now().getTime() + offset.get()),
    advance: (ms) => {
      if (!Number.isFinite(ms)) throw new RangeError(`clock.advance needs a finite number of ms, got ${ms}`);
      offset.set(offset.get() + ms);
    },
    set: (date) => {
      const t = date.getTime();
      if (Number.isNaN(t)) throw new RangeError("clock.set needs a valid Date");
      offset.set(t - base.now().getTime());
    },
  };
}
