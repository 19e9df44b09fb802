/**
 * One HTTP exchange over an undici dispatcher, collected straight into a status, headers and a string.
 * This uses undici's own handler interface (`dispatcher.dispatch`) instead of `request()`: request() wraps
 * every response in a Node Readable stream and an AsyncResource, which on a local server costs about a
 * third of the round-trip (bench/refresh.bench.mjs); we only ever want the whole (small) body as text.
 * Timeouts, proxies, TLS and keep-alive are the dispatcher's, exactly as with request(); errors are
 * undici's own, unchanged.
 */
import { errors, type Dispatcher } from "undici";

export type Collected = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

export type CollectOptions = {
  method: Dispatcher.HttpMethod;
  headers: Record<string, string>;
  body: string | null;
  signal: AbortSignal | undefined;
  /**
   * The most the whole exchange may take, headers and body; also passed to undici as headersTimeout and
   * bodyTimeout. undefined keeps the dispatcher's defaults (and no overall limit).
   */
  timeoutMs: number | undefined;
  /** Bodies longer than this are cut at a chunk boundary and the connection dropped, not an error. */
  maxBodyBytes: number;
};

function decode(chunks: readonly Buffer[]): string {
  const only = chunks.length === 1 ? chunks[0] : undefined;
  return (only ?? Buffer.concat(chunks)).toString("utf8");
}

/** What makes the collector stop reading a body that is too long. */
class BodyTooLong extends Error {}

class Collector implements Dispatcher.DispatchHandler {
  private status = 0;
  private headers: Collected["headers"] = {};
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private truncated = false;
  private controller: Dispatcher.DispatchController | undefined;
  private stopped: Error | undefined;

  constructor(
    private readonly resolve: (c: Collected) => void,
    private readonly reject: (e: Error) => void,
    private readonly maxBody: number,
  ) {}

  /** The error for an exchange that outlived its time: no headers yet, or a body still arriving. */
  overdue(ms: number): Error {
    return this.status === 0
      ? new errors.HeadersTimeoutError(`no response headers within ${ms} ms`)
      : new errors.BodyTimeoutError(`the response body did not finish within ${ms} ms`);
  }

  /** From the caller's AbortSignal or the deadline: end the request now, wherever it is. */
  stop(reason: Error): void {
    this.stopped = reason;
    if (this.controller === undefined) this.reject(reason);
    else this.controller.abort(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.stopped !== undefined) controller.abort(this.stopped);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: Collected["headers"],
  ): void {
    this.status = status;
    this.headers = headers;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size <= this.maxBody) {
      this.chunks.push(chunk);
    } else if (!this.truncated) {
      this.truncated = true;
      controller.abort(new BodyTooLong());
    }
  }

  onResponseEnd(): void {
    this.resolve({ status: this.status, headers: this.headers, body: decode(this.chunks) });
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (this.truncated && this.stopped === undefined) this.onResponseEnd();
    else this.reject(error);
  }
}

/** Where a request goes, as undici's dispatch wants it: the origin, and the path with any query. */
export type Target = { readonly origin: string; readonly path: string };

export function targetOf(url: URL): Target {
  // As undici's request() says it, so that the error reads the same whichever entry point is used.
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new errors.InvalidArgumentError(
      "Invalid URL protocol: the URL must start with `http:` or `https:`.",
    );
  }
  return { origin: url.origin, path: url.search === "" ? url.pathname : `${url.pathname}${url.search}` };
}

/**
 * Sends one request through `dispatcher`; resolves on any HTTP status, rejects when no response came.
 * `timeoutMs` bounds the whole exchange, body included: undici's headersTimeout and bodyTimeout restart
 * at every chunk, so a server trickling a byte at a time would otherwise never time out. When it passes,
 * the request is aborted (its socket closed) and the promise rejects with undici's timeout error.
 */
export function collect(dispatcher: Dispatcher, target: Target, options: CollectOptions): Promise<Collected> {
  return new Promise<Collected>((resolve, reject) => {
    const { signal, maxBodyBytes, timeoutMs } = options;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const finish = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      if (onAbort !== undefined) signal?.removeEventListener("abort", onAbort);
    };
    const collector = new Collector(
      (c) => {
        finish();
        resolve(c);
      },
      (e) => {
        finish();
        reject(e);
      },
      maxBodyBytes,
    );
    if (signal !== undefined) {
      onAbort = (): void => collector.stop(abortReason(signal));
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
    }
    if (timeoutMs !== undefined)
      timer = setTimeout(() => collector.stop(collector.overdue(timeoutMs)), timeoutMs);
    dispatcher.dispatch(
      {
        origin: target.origin,
        path: target.path,
        method: options.method,
        headers: options.headers,
        body: options.body,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      },
      collector,
    );
  });
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException("This operation was aborted", "AbortError");
}
