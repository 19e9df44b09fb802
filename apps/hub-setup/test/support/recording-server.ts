import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

export type Seen = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

export type RecordingServer = { origin: string; seen: Seen[]; close: () => Promise<void> };

/**
 * A server on 127.0.0.1 that answers everything as a willing SSO would (an access token; no hub API, so a
 * hub check there fails) and records every request: where a token must never go, tests look here.
 */
export async function recordingServer(): Promise<RecordingServer> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: "x.y.z", expires_in: 900, token_type: "Bearer", data: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
