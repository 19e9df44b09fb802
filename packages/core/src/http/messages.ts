/**
 * Messages for the failures the SSO refresh and the hub check share: no answer, a network failure, a
 * server failing after retries, a body that is not JSON. Each says what happened and what to do.
 */
import type { HttpRequestError } from "./http-port.js";

type Described = { outcome: "network" | "unavailable"; message: string; hint: string };

type NoAnswer =
  | { kind: "deadline"; deadlineMs: number }
  | { kind: "error"; error: HttpRequestError; attempts: number }
  | { kind: "proxy-auth" };

const PROXY = "if you need a proxy, set HTTPS_PROXY (and NO_PROXY for hosts that must bypass it)";

function seconds(ms: number): string {
  return ms < 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export function describeNetworkFailure(who: string, where: string, what: NoAnswer): Described {
  if (what.kind === "deadline") {
    const hint = `check the URL and your connection; ${PROXY}`;
    return {
      outcome: "network",
      message: `no answer from ${who} at ${where} within ${seconds(what.deadlineMs)}: ${hint}.`,
      hint,
    };
  }
  if (what.kind === "proxy-auth") {
    const hint = "put the proxy's user name and password in HTTPS_PROXY (https://user:password@proxy:port)";
    return {
      outcome: "network",
      message: `the proxy between you and ${who} asks for credentials (HTTP 407): ${hint}.`,
      hint,
    };
  }
  const { error, attempts } = what;
  const tries = attempts > 1 ? ` (${attempts} attempts)` : "";
  const hints: Record<HttpRequestError["kind"], string> = {
    dns: "check the host name in the URL, and your DNS or VPN",
    refused: "check the URL and its port: nothing is listening there",
    reset: `a proxy or firewall may be cutting the connection; ${PROXY}`,
    timeout: `check your connection; ${PROXY}`,
    tls: "if the server's certificate comes from your own CA, give that CA's bundle (the server's CA file or NODE_EXTRA_CA_CERTS); turn off validate_certs only if you accept the risk",
    proxy: "check HTTPS_PROXY / HTTP_PROXY and NO_PROXY",
    aborted: "it was cancelled",
    other: `check the URL and your connection; ${PROXY}`,
  };
  const hint = hints[error.kind];
  return {
    outcome: "network",
    message: `could not reach ${who} at ${where}${tries}: ${error.message}. ${capital(hint)}.`,
    hint,
  };
}

export function describeRetriedOut(
  who: string,
  where: string,
  status: number,
  attempts: number,
  retryAfterMs: number | undefined,
): Described {
  const busy = status === 429 ? "is limiting requests (HTTP 429)" : `is failing (HTTP ${status})`;
  const wait = retryAfterMs === undefined ? "" : `; it asked to wait ${seconds(retryAfterMs)}`;
  const hint = "try again later; nothing is wrong with your token so far";
  return {
    outcome: "unavailable",
    message: `${who} at ${where} ${busy} after ${attempts} attempt${attempts === 1 ? "" : "s"}${wait}: ${hint}.`,
    hint,
  };
}

export function describeNonJson(who: string, where: string, status: number, what: string): Described {
  const hint = `a proxy, captive portal or firewall may have answered instead, or the URL is not the right one; ${PROXY}`;
  return {
    outcome: "network",
    message: `expected JSON from ${who} at ${where}, got ${what} (HTTP ${status}): ${hint}.`,
    hint,
  };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
