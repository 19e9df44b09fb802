/**
 * The one way the pure core talks HTTP: an injected port. `@hub-setup/core/node` implements it with
 * undici; tests implement it however they like. A port answers every HTTP status as a response and
 * rejects only when no response arrived, with an HttpRequestError saying why.
 */
import { HubSetupError } from "../errors.js";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export type HttpRequest = {
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** The longest this one request may take, start to end of body. */
  timeoutMs?: number;
};

export type HttpResponse = {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
};

export interface HttpPort {
  request(req: HttpRequest): Promise<HttpResponse>;
}

/** Why no response arrived. */
export type NetworkFailureKind =
  "dns" | "refused" | "reset" | "timeout" | "tls" | "proxy" | "aborted" | "other";

/**
 * A request that got no response. Its message names the host and the failure, never a header or body
 * (adapters scrub what they pass on), and it carries no `cause`: library errors can hold request data.
 */
export class HttpRequestError extends HubSetupError {
  override name = "HttpRequestError";
  readonly kind: NetworkFailureKind;
  /** Worth trying again soon: a reset, a per-request timeout, a temporary DNS failure. */
  readonly transient: boolean;

  constructor(
    kind: NetworkFailureKind,
    message: string,
    options: { transient?: boolean; hint?: string } = {},
  ) {
    super(
      kind === "aborted" ? "CANCELLED" : "NETWORK",
      message,
      options.hint === undefined ? {} : { hint: options.hint },
    );
    this.kind = kind;
    this.transient = options.transient ?? (kind === "reset" || kind === "timeout");
  }
}

export function isHttpRequestError(value: unknown): value is HttpRequestError {
  return value instanceof HttpRequestError;
}

/** Where a request went, for messages: scheme, host, port and path; never credentials or a query. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(an address that is not a URL)";
  }
}

/** Replaces every occurrence of each secret in `text` with a fixed marker. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 4) out = out.split(s).join("[redacted]");
  }
  return out;
}

const JWT_LIKE = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?/g;
const LONG_RUN = /[A-Za-z0-9_+/=-]{24,}/g;

/**
 * For text a server sent us (error descriptions, page titles): besides the known secrets, anything that
 * looks like a token (a JWT, or a 24+ character run mixing letters and digits) is replaced, because a
 * hostile or confused server may echo a token we never knew.
 */
export function scrubServerText(text: string, secrets: readonly string[]): string {
  return scrub(text, secrets)
    .replace(JWT_LIKE, "[redacted]")
    .replace(LONG_RUN, (run) => (/[0-9]/.test(run) && /[A-Za-z]/.test(run) ? "[redacted]" : run));
}
