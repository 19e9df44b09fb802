/**
 * A clock for core's Clock port that never waits: time moves only when a timer is due. With
 * `auto: true` (the default) the earliest pending timer fires on the next turn of the event loop,
 * after every promise already settled, with `now()` moved to its due time; so a deadline or a backoff
 * of 30 s takes no real time, and an answer that is already there always wins over a timer.
 * With `auto: false` the test moves time itself with `advance(ms)`.
 */
type Timer = { at: number; seq: number; callback: () => void };

export type VirtualClock = {
  now(): number;
  setTimer(ms: number, callback: () => void): () => void;
  /** Moves time forward, firing every timer due by then, in order. */
  advance(ms: number): void;
  /** How many timers are waiting. */
  pending(): number;
  /** Every delay that was asked for, in order (cancelled ones too). */
  readonly delays: number[];
};

export function virtualClock(options: { start?: number; auto?: boolean } = {}): VirtualClock {
  let t = options.start ?? Date.parse("2026-01-01T00:00:00Z");
  const auto = options.auto ?? true;
  let seq = 0;
  const timers: Timer[] = [];
  const delays: number[] = [];
  let scheduled = false;

  const fireNext = (): void => {
    scheduled = false;
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timers.shift();
    if (next === undefined) return;
    t = Math.max(t, next.at);
    next.callback();
    schedule();
  };
  const schedule = (): void => {
    if (!auto || scheduled || timers.length === 0) return;
    scheduled = true;
    setImmediate(fireNext);
  };

  return {
    delays,
    now: () => t,
    setTimer(ms, callback) {
      delays.push(ms);
      const timer: Timer = { at: t + Math.max(0, ms), seq: seq++, callback };
      timers.push(timer);
      schedule();
      return () => {
        const i = timers.indexOf(timer);
        if (i >= 0) timers.splice(i, 1);
      };
    },
    advance(ms) {
      const until = t + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (next === undefined || next.at > until) break;
        timers.shift();
        t = next.at;
        next.callback();
      }
      t = until;
    },
    pending: () => timers.length,
  };
}
