import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { listenForTest } from "./listen.js";

/** What the stand-in server does for one request. */
export type Reply =
  | { status: number; headers?: Record<string, string>; body?: string }
  | "reset" /* destroy the socket without answering */
  | "hang"; /* read the request and never answer */

export type Recorded = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };

export type TestServer = { url: string; origin: string; requests: Recorded[]; close: () => Promise<void> };

/**
 * A real node:http server on 127.0.0.1 answering from a script: reply n goes to request n (the last
 * reply repeats). Closed when the test finishes, hanging sockets included, so nothing outlives a test.
 */
export async function startServer(
  script: Reply[] | ((req: Recorded, n: number) => Reply),
  path = "/auth/realms/redhat-external/protocol/openid-connect/token",
): Promise<TestServer> {
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  const pick = (req: Recorded, n: number): Reply => {
    if (typeof script === "function") return script(req, n);
    const r = script[Math.min(n, script.length - 1)];
    if (r === undefined) throw new Error("empty script");
    return r;
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rec: Recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      const n = requests.push(rec) - 1;
      const reply = pick(rec, n);
      if (reply === "reset") {
        req.socket.destroy();
        return;
      }
      if (reply === "hang") return;
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body ?? "");
    });
  });
  const { port, close } = await listenForTest(server, sockets);
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}${path}`, origin, requests, close };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/** A refusal exactly as Keycloak sends it on a refresh_token grant (reference §8). */
export function keycloakError(description: string, error = "invalid_grant", status = 400): Reply {
  return json(status, { error, error_description: description }, { "cache-control": "no-store" });
}

/** A successful refresh as Keycloak answers it. */
export function keycloakOk(accessToken: string, expiresIn = 900): Reply {
  return json(200, {
    access_token: accessToken,
    expires_in: expiresIn,
    refresh_expires_in: 0,
    refresh_token: "rotated-refresh-token-ignored-by-ansible",
    token_type: "Bearer",
    "not-before-policy": 0,
    session_state: "f0e1d2c3-0000-4000-8000-000000000000",
    scope: "openid api.iam.service_accounts offline_access",
  });
}
