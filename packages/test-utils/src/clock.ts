export type TestClock = { now: () => Date; advance: (ms: number) => void; set: (iso: string) => void };

/** A clock that stands still until the test moves it. */
export function fixedClock(iso = "2026-01-01T00:00:00Z"): TestClock {
  let t = Date.parse(iso);
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (next) => {
      t = Date.parse(next);
    },
  };
}
