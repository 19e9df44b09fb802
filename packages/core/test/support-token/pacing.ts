import type { Sleep } from "../../src/hub/retry.js";

export type WaitLog = { waits: number[]; sleep: Sleep; random: () => number };

/** Backoff that records each wait instead of sleeping, with jitter fixed at its midpoint. */
export function noWait(): WaitLog {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
  };
}
