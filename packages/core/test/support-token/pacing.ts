import type { Clock } from "../../src/http/clock.js";
import type { Sleep } from "../../src/http/retry.js";
import { nodeClock } from "../../src/node/clock.js";

export type WaitLog = { waits: number[]; sleep: Sleep; random: () => number; clock: Clock };

/** Backoff that records each wait instead of sleeping, with jitter fixed at its midpoint (deadlines on the real clock). */
export function noWait(): WaitLog {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    clock: nodeClock,
  };
}
