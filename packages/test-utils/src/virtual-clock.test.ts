import { describe, expect, it } from "vitest";
import { virtualClock } from "./virtual-clock.js";

describe("virtualClock", () => {
  it("auto: fires the earliest timer next, moving time to it, without real waiting", async () => {
    const clock = virtualClock({ start: 1000 });
    const fired: string[] = [];
    clock.setTimer(30_000, () => fired.push(`b@${clock.now()}`));
    clock.setTimer(10_000, () => fired.push(`a@${clock.now()}`));
    const cancel = clock.setTimer(20_000, () => fired.push("cancelled"));
    cancel();
    const started = Date.now();
    await new Promise((resolve) => clock.setTimer(40_000, () => resolve(undefined)));
    expect(fired).toEqual(["a@11000", "b@31000"]);
    expect(clock.now()).toBe(41_000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(clock.delays).toEqual([30_000, 10_000, 20_000, 40_000]);
  });

  it("auto: a promise that already settled runs before a due timer", async () => {
    const clock = virtualClock();
    const order: string[] = [];
    const done = new Promise((resolve) => clock.setTimer(0, () => resolve(order.push("timer"))));
    void Promise.resolve().then(() => order.push("answer"));
    await done;
    expect(order).toEqual(["answer", "timer"]);
  });

  it("manual: only advance() moves time and fires what is due", () => {
    const clock = virtualClock({ start: 0, auto: false });
    const fired: number[] = [];
    clock.setTimer(50, () => fired.push(clock.now()));
    clock.setTimer(150, () => fired.push(clock.now()));
    clock.advance(100);
    expect(fired).toEqual([50]);
    expect(clock.now()).toBe(100);
    expect(clock.pending()).toBe(1);
    clock.advance(100);
    expect(fired).toEqual([50, 150]);
  });
});
