/**
 * Retries with exponential backoff and jitter, an overall deadline and cancellation, shared by the SSO
 * refresh and the hub check. Retried: HTTP 5xx, 429 (waiting at least its Retry-After) and transient
 * network failures. Everything else is final at once.
 */
import { HubSetupError } from "../errors.js";
import { sleepOn, type Clock } from "./clock.js";
import { HttpRequestError, type HttpPort, type HttpRequest, type HttpResponse } from "./http-port.js";

export type RetryPolicy = { retries: number; baseMs: number; maxMs: number };
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export type Pacing = {
  /** Time: the deadline, the guard timer, backoff waits and Retry-After dates. */
  clock: Clock;
  retry?: Partial<RetryPolicy>;
  /** The whole exchange, retries and waits included, ends by this many milliseconds. */
  deadlineMs?: number;
  signal?: AbortSignal;
  /** The wait between attempts; by default a timer on `clock`. */
  sleep?: Sleep;
  /** Returns [0, 1): the jitter source. */
  random?: () => number;
  /** Milliseconds since the epoch, for Retry-After dates and the deadline; by default `clock.now()`. */
  now?: () => number;
};

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseMs: 500, maxMs: 8_000 };
export const DEFAULT_DEADLINE_MS = 30_000;

export type Exchange =
  | { kind: "response"; response: HttpResponse; attempts: number; retryAfterMs?: number }
  | { kind: "network"; error: HttpRequestError; attempts: number }
  | { kind: "deadline"; attempts: number; deadlineMs: number };

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait before retry number `n` (1-based): base·2^(n-1), capped, with "equal jitter". */
export function backoffMs(n: number, policy: RetryPolicy, random: () => number): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** (n - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

export function cancelledError(): HubSetupError {
  return new HubSetupError("CANCELLED", "cancelled: the request was stopped before it finished");
}

function asHttpRequestError(e: unknown): HttpRequestError {
  if (e instanceof HttpRequestError) return e;
  // A port that broke its contract: say so without passing on whatever it threw (it may hold data).
  const name = e instanceof Error ? e.name : typeof e;
  return new HttpRequestError("other", `the HTTP client failed unexpectedly (${name})`, { transient: false });
}

/** A signal that never aborts, for sleeping when the caller gave none. */
const NEVER = new AbortController().signal;
/** How long past the deadline we wait for a port that ignores timeoutMs before giving up on it. */
const GRACE_MS = 25;

type Attempt =
  { kind: "response"; response: HttpResponse } | { kind: "error"; error: unknown } | { kind: "deadline" };

const DEADLINE: Attempt = { kind: "deadline" };

/**
 * One request, bounded by `remaining` milliseconds: the port is told (timeoutMs) and a guard timer makes
 * sure even a port that ignores it cannot hold us past the deadline; an abort of `user` ends the attempt
 * at once even if the port ignores the signal. One promise settled by whichever comes first: no
 * AbortController, combined signal, Promise.race or extra async layer per request (on a fast local
 * server each of those is a measurable share of the round-trip).
 */
function attemptOnce(
  clock: Clock,
  http: HttpPort,
  req: HttpRequest,
  remaining: number,
  user: AbortSignal | undefined,
): Promise<Attempt> {
  return new Promise<Attempt>((resolve) => {
    const onAbort = (): void => settle({ kind: "error", error: user?.reason });
    const cancelGuard = clock.setTimer(remaining + GRACE_MS, () => settle(DEADLINE));
    function settle(attempt: Attempt): void {
      cancelGuard();
      user?.removeEventListener("abort", onAbort);
      resolve(attempt);
    }
    let sent: Promise<HttpResponse>;
    try {
      sent = http.request(
        user === undefined
          ? { ...req, timeoutMs: remaining }
          : { ...req, signal: user, timeoutMs: remaining },
      );
    } catch (e) {
      // A port that throws instead of rejecting: as before, the exchange rejects with it (no guard left).
      cancelGuard();
      throw e;
    }
    // Settling twice is harmless: a late answer or failure after the guard fired is dropped, not unhandled.
    sent.then(
      (response) => settle({ kind: "response", response }),
      (error: unknown) => settle({ kind: "error", error }),
    );
    if (user === undefined) return;
    if (user.aborted) onAbort();
    else user.addEventListener("abort", onAbort, { once: true });
  });
}

export async function exchange(http: HttpPort, req: HttpRequest, pacing: Pacing): Promise<Exchange> {
  const { clock } = pacing;
  const policy = pacing.retry === undefined ? DEFAULT_RETRY : { ...DEFAULT_RETRY, ...pacing.retry };
  const deadlineMs = pacing.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const now = pacing.now ?? ((): number => clock.now());
  const random = pacing.random ?? Math.random;
  const sleep: Sleep = pacing.sleep ?? ((ms, signal) => sleepOn(clock, ms, signal));
  const user = pacing.signal;
  if (user?.aborted) throw cancelledError();
  const deadlineAt = now() + deadlineMs;
  for (let attempt = 1; ; attempt++) {
    let waitMs: number;
    let last: Exchange;
    const remaining = deadlineAt - now();
    if (remaining <= 0) return { kind: "deadline", attempts: attempt - 1, deadlineMs };
    const got = await attemptOnce(clock, http, req, remaining, user);
    if (user?.aborted) throw cancelledError();
    if (got.kind === "deadline") return { kind: "deadline", attempts: attempt, deadlineMs };
    if (got.kind === "response") {
      const response = got.response;
      const retryAfterMs = parseRetryAfter(response.headers["retry-after"], now());
      last =
        retryAfterMs === undefined
          ? { kind: "response", response, attempts: attempt }
          : { kind: "response", response, attempts: attempt, retryAfterMs };
      if (!isRetryableStatus(response.status) || attempt > policy.retries) return last;
      waitMs = Math.max(backoffMs(attempt, policy, random), retryAfterMs ?? 0);
    } else {
      const error = asHttpRequestError(got.error);
      // The port's timeout was the time left: when it fires, the deadline has come.
      if (error.kind === "timeout" && now() >= deadlineAt - GRACE_MS)
        return { kind: "deadline", attempts: attempt, deadlineMs };
      last = { kind: "network", error, attempts: attempt };
      if (!error.transient || attempt > policy.retries) return last;
      waitMs = backoffMs(attempt, policy, random);
    }
    if (now() + waitMs >= deadlineAt) return last;
    try {
      await sleep(waitMs, user ?? NEVER);
    } catch {
      if (user?.aborted) throw cancelledError();
      return last;
    }
  }
}
