/**
 * Time as a port. The pure core never reads the system clock or starts a timer itself: the caller gives
 * it a Clock (`nodeClock` from `@hub-setup/core/node`, or a fake in tests), so deadlines, backoff and
 * Retry-After dates can be tested without waiting and the core compiles without any runtime's timers.
 */
export type CancelTimer = () => void;

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once, `ms` milliseconds from now; the returned function cancels it. */
  setTimer(ms: number, callback: () => void): CancelTimer;
}

/** Waits `ms` on `clock`; rejects with the signal's reason when `signal` aborts first. */
export function sleepOn(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const cancel = clock.setTimer(ms, done);
    function done(): void {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }
    function onAbort(): void {
      cancel();
      reject(signal.reason as Error);
    }
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
