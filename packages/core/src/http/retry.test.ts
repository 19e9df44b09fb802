import { describe, expect, it, onTestFinished } from "vitest";
import { HubSetupError } from "../errors.js";
import { HttpRequestError, type HttpPort, type HttpRequest, type HttpResponse } from "./http-port.js";
import { nodeClock } from "../node/clock.js";
import { exchange } from "./retry.js";

const REQ: HttpRequest = { method: "GET", url: "http://127.0.0.1:9/" };
const OK: HttpResponse = { status: 200, headers: {}, body: "{}" };
const noSleep = { clock: nodeClock, sleep: () => Promise.resolve(), random: () => 0 };

/** A port that records what it was asked and answers with `answer(n)` for call number n (from 1). */
function port(
  answer: (n: number, req: HttpRequest) => Promise<HttpResponse>,
): HttpPort & { seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  return {
    seen,
    request: (req) => {
      seen.push(req);
      return answer(seen.length, req);
    },
  };
}

describe("exchange: deadline and cancellation hold even against a port that ignores them", () => {
  it("a port that never answers and ignores timeoutMs: the deadline ends it, after one attempt", async () => {
    const p = port(() => new Promise(() => {}));
    const got = await exchange(p, REQ, { deadlineMs: 40, ...noSleep });
    expect(got).toEqual({ kind: "deadline", attempts: 1, deadlineMs: 40 });
    expect(p.seen[0]?.timeoutMs).toBeLessThanOrEqual(40);
    expect(p.seen[0]?.timeoutMs).toBeGreaterThan(0);
  });

  it("a late failure after the deadline fired is dropped, not an unhandled rejection", async () => {
    let failLate!: (e: Error) => void;
    const p = port(() => new Promise((_resolve, reject) => (failLate = reject)));
    const unhandled: unknown[] = [];
    const record = (reason: unknown): void => void unhandled.push(reason);
    process.on("unhandledRejection", record);
    onTestFinished(() => void process.off("unhandledRejection", record));
    expect((await exchange(p, REQ, { deadlineMs: 30, ...noSleep })).kind).toBe("deadline");
    failLate(new HttpRequestError("reset", "late reset")); // the port fails only now, after the deadline
    // Node reports a rejection nobody handled once the microtasks have run, before the next macrotask.
    await new Promise((r) => setImmediate(r));
    expect(unhandled).toEqual([]);
  });

  it("a port that ignores the AbortSignal: the abort still ends the exchange at once, as CANCELLED", async () => {
    const p = port(() => new Promise(() => {}));
    const c = new AbortController();
    const pending = exchange(p, REQ, { signal: c.signal, deadlineMs: 60_000, ...noSleep });
    expect(p.seen).toHaveLength(1); // the request is out (sent before exchange() returned) and never answers
    c.abort();
    await expect(pending).rejects.toMatchObject({ code: "CANCELLED" });
    expect(p.seen[0]?.signal).toBe(c.signal);
  });

  it("an already-aborted signal sends nothing", async () => {
    const p = port(() => Promise.resolve(OK));
    const c = new AbortController();
    c.abort();
    await expect(exchange(p, REQ, { clock: nodeClock, signal: c.signal })).rejects.toBeInstanceOf(
      HubSetupError,
    );
    expect(p.seen).toHaveLength(0);
  });
});

describe("exchange: outcomes", () => {
  it("an answer is returned as it came, with the attempt count; a port's failure is typed", async () => {
    expect(
      await exchange(
        port(() => Promise.resolve(OK)),
        REQ,
        noSleep,
      ),
    ).toEqual({
      kind: "response",
      response: OK,
      attempts: 1,
    });
    const refused = port(() => Promise.reject(new HttpRequestError("refused", "connection refused")));
    const got = await exchange(refused, REQ, noSleep);
    expect(got.kind === "network" && [got.error.kind, got.attempts]).toEqual(["refused", 1]);
  });

  it("a port that rejects with something else becomes an 'other' failure that says nothing of it", async () => {
    const broken = port(() => Promise.reject(new Error("token=SECRET-VALUE-1234")));
    const got = await exchange(broken, REQ, noSleep);
    expect(got.kind).toBe("network");
    if (got.kind === "network") {
      expect(got.error.kind).toBe("other");
      expect(got.error.message).not.toContain("SECRET");
    }
  });

  it("a port that throws instead of rejecting: the exchange rejects with that error", async () => {
    const oops = new TypeError("port bug");
    const thrower: HttpPort = {
      request: () => {
        throw oops;
      },
    };
    await expect(exchange(thrower, REQ, noSleep)).rejects.toBe(oops);
  });

  it("503 then 200: retried after a wait, two attempts", async () => {
    const waits: number[] = [];
    const p = port((n) => Promise.resolve(n === 1 ? { status: 503, headers: {}, body: "" } : OK));
    const got = await exchange(p, REQ, {
      clock: nodeClock,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      random: () => 0,
    });
    expect(got).toEqual({ kind: "response", response: OK, attempts: 2 });
    expect(waits).toEqual([250]);
  });
});
