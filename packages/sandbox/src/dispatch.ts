import type { IncomingMessage, ServerResponse } from "node:http";
import type { Controller } from "./controller/controller.js";
import { handleController } from "./controller/handler.js";
import type { FaultSwitch } from "./faults.js";
import { readAuthorization } from "./hub/auth.js";
import { handleHub, type HubContext } from "./hub/handler.js";
import { BodyTooLargeError, galaxyError, sendJson, sendNotFound, type Exchange } from "./http.js";
import type { RequestLog } from "./log.js";
import { serverError, scopeOf } from "./server-error.js";
import { handleSso } from "./sso/endpoint.js";
import type { Realm } from "./sso/realm.js";

/** What every request may need: the log, the fault switch and the three services behind one port. */
export type Services = {
  log: RequestLog;
  faults: FaultSwitch;
  realm: Realm;
  hubs: { cloud: HubContext; private: HubContext };
  controller: Controller;
  sleep(ms: number): Promise<void>;
  isClosed(): boolean;
};

/**
 * One request, start to end: log it on arrival, apply any fault (delay, drop, 5xx), route it to SSO,
 * the cloud hub, the private hub or the controller, and complete the log entry with the status sent.
 */
export async function answer(req: IncomingMessage, res: ServerResponse, s: Services): Promise<void> {
  const method = req.method ?? "GET";
  const entry = s.log.start(method, req.url ?? "/");
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  const ex: Exchange = { req, res, method, url, credential: "none" };
  const scope = scopeOf(url.pathname);
  // The log records what was presented even when no handler gets as far as checking it.
  readAuthorization(ex);
  try {
    const delay = s.faults.take("delay", scope);
    if (delay !== undefined) await s.sleep(delay.ms);
    if (s.isClosed()) return;
    if (s.faults.take("drop", scope) !== undefined) {
      req.socket.destroy();
      return;
    }
    const failure = s.faults.take("serverError", scope);
    if (failure !== undefined) return serverError(ex, scope, failure.status ?? 503);
    if (scope.area === "sso") {
      if (!(await handleSso(ex, s.realm)))
        sendJson(ex, 404, { error: "Unable to find matching target resource method" });
    } else if (scope.area === "cloud") handleHub(ex, s.hubs.cloud);
    else if (scope.area === "private") handleHub(ex, s.hubs.private);
    else {
      const root = s.controller.rootOf(url.pathname);
      if (root === undefined) sendNotFound(ex);
      else await handleController(ex, s.controller.context, root);
    }
  } catch (error) {
    if (res.headersSent) res.destroy();
    else if (error instanceof BodyTooLargeError)
      sendJson(ex, 413, galaxyError(413, "too_large", "Request body too large."));
    else sendJson(ex, 500, galaxyError(500, "server_error", "A server error occurred."));
  } finally {
    entry.status = res.headersSent ? res.statusCode : 0;
    entry.credential = ex.credential;
    if (ex.clientId !== undefined) entry.clientId = ex.clientId;
    if (ex.redacted !== undefined) entry.redacted = ex.redacted;
  }
}
