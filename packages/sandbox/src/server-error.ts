import type { Scope } from "./faults.js";
import { galaxyError, sendJson, type Exchange } from "./http.js";

/** Which part of the sandbox a path belongs to, and whether it is an artifact download. */
export function scopeOf(pathname: string): Scope {
  const download = /\/collections\/artifacts\/[^/]+$/.test(pathname);
  if (pathname.startsWith("/auth/")) return { area: "sso", download };
  if (pathname.startsWith("/api/automation-hub/")) return { area: "cloud", download };
  if (pathname.startsWith("/api/galaxy/")) return { area: "private", download };
  if (pathname.startsWith("/api/v2/") || pathname.startsWith("/api/controller/")) {
    return { area: "controller", download };
  }
  return { area: "other", download };
}

const REASONS: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/**
 * A fault-injected 5xx. A 500 from a hub is galaxy_ng's own JSON error; anything else (and any 5xx
 * from SSO) is the plain HTML page a proxy in front of the service sends.
 */
export function serverError(ex: Exchange, scope: Scope, status: number): void {
  if (status === 500 && (scope.area === "cloud" || scope.area === "private")) {
    return sendJson(ex, 500, galaxyError(500, "server_error", "A server error occurred."));
  }
  const reason = REASONS[status] ?? "Server Error";
  const html = `<html><body><h1>${status} ${reason}</h1>\nThe server is temporarily unable to answer.\n</body></html>\n`;
  ex.res
    .writeHead(status, {
      "Content-Type": "text/html",
      "Content-Length": String(Buffer.byteLength(html)),
      "Cache-Control": "no-cache",
    })
    .end(html);
}
