/**
 * A fake HTTP port that answers scripted expectations, in the manner of cli/cli's httpmock registry:
 * each expectation matches a request (method, URL, body) and answers it, and `verify()` fails the test
 * when an expectation was never used or a request matched none. Structurally it is core's HttpPort
 * (this package does not depend on core), so it is passed wherever an HttpPort is wanted.
 * Failure messages name the method and the URL without its query, never a header or a body: those
 * carry tokens.
 */
export type FakeRequest = {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
};

export type FakeResponse = { status: number; headers: Record<string, string>; body: string };

/** What a request must look like; every given field must match. */
export type RequestMatch = {
  method?: string;
  url?: string | RegExp;
  body?: string | RegExp | ((body: string | undefined) => boolean);
  headers?: Record<string, string | RegExp>;
};

/** An answer, or a function that makes one (it may reject, e.g. with core's HttpRequestError). */
export type Responder = FakeResponse | ((req: FakeRequest) => FakeResponse | Promise<FakeResponse>);

type Expectation = { match: RequestMatch; respond: Responder; left: number; used: number };

function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(not a URL)";
  }
}

function matchesText(want: string | RegExp, got: string | undefined): boolean {
  if (got === undefined) return false;
  return typeof want === "string" ? want === got : want.test(got);
}

function matches(m: RequestMatch, req: FakeRequest): boolean {
  if (m.method !== undefined && m.method !== req.method) return false;
  if (m.url !== undefined && !matchesText(m.url, req.url)) return false;
  if (m.body !== undefined) {
    if (typeof m.body === "function" ? !m.body(req.body) : !matchesText(m.body, req.body)) return false;
  }
  for (const [name, want] of Object.entries(m.headers ?? {})) {
    if (!matchesText(want, req.headers?.[name.toLowerCase()] ?? req.headers?.[name])) return false;
  }
  return true;
}

function describeMatch(m: RequestMatch): string {
  const url = m.url === undefined ? "any URL" : typeof m.url === "string" ? where(m.url) : String(m.url);
  return `${m.method ?? "any method"} ${url}${m.body === undefined ? "" : " (with a body condition)"}`;
}

export class FakeHttp {
  /** Every request, in order, as the port received it. */
  readonly requests: FakeRequest[] = [];
  private readonly expectations: Expectation[] = [];
  private readonly unexpected: string[] = [];

  /** Answers the next `times` requests that match `match` (the first unused matching expectation wins). */
  on(match: RequestMatch, respond: Responder, times = 1): this {
    this.expectations.push({ match, respond, left: times, used: 0 });
    return this;
  }

  request(req: FakeRequest): Promise<FakeResponse> {
    this.requests.push(req);
    const e = this.expectations.find((x) => x.left > 0 && matches(x.match, req));
    if (e === undefined) {
      const what = `${req.method} ${where(req.url)}`;
      this.unexpected.push(what);
      return Promise.reject(new Error(`fake HTTP: unexpected request ${what}`));
    }
    e.left--;
    e.used++;
    try {
      return Promise.resolve(typeof e.respond === "function" ? e.respond(req) : e.respond);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Throws when an expectation was not used up, or a request matched none. */
  verify(): void {
    const problems = [
      ...this.unexpected.map((u) => `unexpected request: ${u}`),
      ...this.expectations
        .filter((e) => e.left > 0)
        .map((e) => `expected ${e.left} more request(s) for ${describeMatch(e.match)} (${e.used} arrived)`),
    ];
    if (problems.length > 0) throw new Error(`fake HTTP:\n  ${problems.join("\n  ")}`);
  }
}

export function fakeHttp(): FakeHttp {
  return new FakeHttp();
}

/** Ready-made answers. */
export const reply = {
  json(status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse {
    return {
      status,
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    };
  },
  text(
    status: number,
    body: string,
    contentType = "text/plain",
    headers: Record<string, string> = {},
  ): FakeResponse {
    return { status, headers: { "content-type": contentType, ...headers }, body };
  },
  html(status: number, title: string): FakeResponse {
    return {
      status,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: `<!DOCTYPE html><html><head><title>${title}</title></head><body>${title}</body></html>`,
    };
  },
  empty(status: number, headers: Record<string, string> = {}): FakeResponse {
    return { status, headers, body: "" };
  },
  /** Never answers, and ignores the request's timeout and signal: only the caller's own timer ends it. */
  hang(): Responder {
    return () => new Promise<FakeResponse>(() => {});
  },
};
