/**
 * The HttpPort over undici: one dispatcher per client, reused for every request (keep-alive), which
 * honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the given environment, a per-server CA file,
 * NODE_EXTRA_CA_CERTS, and skips certificate checks only when validateCerts is false.
 */
import { Agent, EnvHttpProxyAgent } from "undici";
import { collect, targetOf, type Target } from "./collect.js";
import type { HttpPort, HttpRequest, HttpResponse } from "../../http/http-port.js";
import { tlsTrust } from "./tls-options.js";
import { toHttpRequestError } from "./request-error.js";

export type HttpOptions = {
  /** A PEM bundle trusted in addition to the system roots (ansible.cfg has no key for it; we do). */
  caFile?: string;
  /** false only when the user set validate_certs = false. */
  validateCerts?: boolean;
  /** Where proxy variables and NODE_EXTRA_CA_CERTS are read; process.env by default. */
  env?: Record<string, string | undefined>;
  connectTimeoutMs?: number;
  /** Bodies larger than this are cut (a hub API root is a few hundred bytes). */
  maxBodyBytes?: number;
};

export type HttpClient = HttpPort & { close(): Promise<void> };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

function pick(env: Record<string, string | undefined>, name: string): string {
  return env[name.toLowerCase()] ?? env[name] ?? "";
}

/** undici already lower-cases names; only repeated headers (arrays) need joining, so usually no copy. */
function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  for (const k in headers) {
    if (typeof headers[k] !== "string") return flattenSlow(headers);
  }
  return headers as Record<string, string>;
}

function flattenSlow(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

export function createHttp(options: HttpOptions = {}): HttpClient {
  const env = options.env ?? process.env;
  const trust = tlsTrust(options, env);
  const maxBody = options.maxBodyBytes ?? 1_048_576;
  const httpProxy = pick(env, "HTTP_PROXY");
  const httpsProxy = pick(env, "HTTPS_PROXY");
  const connect = { timeout: options.connectTimeoutMs ?? 10_000, ...trust };
  // With no proxy set, EnvHttpProxyAgent would send every request to a plain Agent with these options,
  // after parsing its origin again to check NO_PROXY: use that Agent directly. Explicit "" keeps undici
  // from falling back to process.env when the caller passed its own env.
  const dispatcher =
    httpProxy === "" && httpsProxy === ""
      ? new Agent({ connect })
      : new EnvHttpProxyAgent({
          httpProxy,
          httpsProxy,
          noProxy: pick(env, "NO_PROXY"),
          connect,
          requestTls: trust,
          proxyTls: trust,
          // Plain-http targets go through the proxy as absolute-form requests, as Python's urllib does.
          proxyTunnel: false,
        });

  // The last address parsed: refreshes and checks go to the same few URLs again and again, and parsing
  // one costs more than a few percent of a round-trip to a local server.
  let lastUrl = "";
  let lastTarget: Target = { origin: "", path: "" };
  function parse(url: string): Target {
    if (url !== lastUrl) {
      lastTarget = targetOf(new URL(url));
      lastUrl = url;
    }
    return lastTarget;
  }

  async function once(req: HttpRequest, url: string, until: number | undefined): Promise<HttpResponse> {
    // timeoutMs bounds the whole exchange, body included (collect's timer), and each pause (undici's
    // own timers); no AbortController per request: it costs more than a request to a local server.
    const res = await collect(dispatcher, parse(url), {
      method: req.method,
      headers: req.headers ?? {},
      body: req.body ?? null,
      signal: req.signal,
      timeoutMs: until === undefined ? undefined : Math.max(1, Math.ceil(until - Date.now())),
      maxBodyBytes: maxBody,
    });
    return { status: res.status, headers: flatten(res.headers), body: res.body };
  }

  async function send(req: HttpRequest): Promise<HttpResponse> {
    try {
      // One time limit for the request and the redirects it follows together.
      const until = req.timeoutMs === undefined ? undefined : Date.now() + req.timeoutMs;
      let url = req.url;
      let res = await once(req, url, until);
      // Follow redirects for GET only (as urllib does for ansible-galaxy), dropping Authorization
      // when the origin changes; a POST is never re-sent, so a token never follows a redirect.
      for (let hop = 0; req.method === "GET" && REDIRECTS.has(res.status) && hop < MAX_REDIRECTS; hop++) {
        const location = res.headers["location"];
        if (location === undefined) break;
        const next = new URL(location, url);
        const sameOrigin = next.origin === new URL(url).origin;
        const headers = { ...req.headers };
        if (!sameOrigin)
          for (const k of Object.keys(headers)) if (k.toLowerCase() === "authorization") delete headers[k];
        url = next.href;
        res = await once({ ...req, headers }, url, until);
      }
      return res;
    } catch (e) {
      // What was sent is scrubbed from the message; the list is built only when something failed.
      throw toHttpRequestError(e, {
        secrets: [req.body ?? "", ...Object.values(req.headers ?? {})],
        cancelled: req.signal?.aborted === true,
      });
    }
  }

  return {
    request: send,
    close: () => dispatcher.close(),
  };
}
