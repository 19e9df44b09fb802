import type { Clock } from "../http/clock.js";

/** The real clock: Date.now and Node's timers, for the pure core's deadlines, backoff and Retry-After. */
export const nodeClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};
