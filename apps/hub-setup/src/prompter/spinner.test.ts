import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSpinner } from "./spinner.js";

const ERASE = "\r\x1b[K";

/** Work that ends only when the test says so. */
function controlled<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("the spinner", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("prints one line without a terminal, and never redraws", async () => {
    const out: string[] = [];
    const work = controlled<string>();
    const spinning = createSpinner((t) => out.push(t), false).spin("Checking the hub", () => work.promise);
    vi.advanceTimersByTime(1_000);
    work.resolve("ok");
    expect(await spinning).toBe("ok");
    expect(out.join("")).toBe("Checking the hub…\n");
  });

  it("redraws in place once per interval in a terminal, each time the next frame", async () => {
    const out: string[] = [];
    const work = controlled<string>();
    const spinning = createSpinner((t) => out.push(t), true, 80).spin("Checking", () => work.promise);
    expect(out).toEqual([`${ERASE}⠋ Checking`]);
    vi.advanceTimersByTime(79);
    expect(out, "no redraw before the interval").toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(out, "a redraw at the interval").toHaveLength(2);
    vi.advanceTimersByTime(80 * 2);
    expect(out).toEqual([
      `${ERASE}⠋ Checking`,
      `${ERASE}⠙ Checking`,
      `${ERASE}⠹ Checking`,
      `${ERASE}⠸ Checking`,
    ]);
    work.resolve("ok");
    expect(await spinning).toBe("ok");
    expect(out.at(-1), "its line is erased at the end").toBe(ERASE);
    expect(out).toHaveLength(5);
    vi.advanceTimersByTime(80 * 5);
    expect(out, "no redraw after the work ended").toHaveLength(5);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("erases its line and stops redrawing when the work fails", async () => {
    const out: string[] = [];
    const work = controlled<never>();
    const spinning = createSpinner((t) => out.push(t), true, 80).spin("Checking", () => work.promise);
    vi.advanceTimersByTime(80 * 3);
    expect(out).toHaveLength(4);
    work.reject(new Error("down"));
    await expect(spinning).rejects.toThrow("down");
    expect(out).toHaveLength(5);
    expect(out.at(-1)).toBe(ERASE);
    vi.advanceTimersByTime(80 * 5);
    expect(out, "no redraw after the failure").toHaveLength(5);
    expect(vi.getTimerCount()).toBe(0);
  });
});
