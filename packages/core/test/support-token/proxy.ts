import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import { connect, type Socket } from "node:net";
import { listenForTest } from "./listen.js";

export type TestProxy = { url: string; forwarded: string[]; tunnels: string[]; close: () => Promise<void> };

/**
 * A minimal HTTP proxy on 127.0.0.1: forwards absolute-form requests (plain http targets) and opens
 * CONNECT tunnels (https targets). With `requireAuth`, it answers 407 to anyone without credentials.
 */
export async function startProxy(options: { requireAuth?: boolean } = {}): Promise<TestProxy> {
  const forwarded: string[] = [];
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const authorised = (req: IncomingMessage): boolean =>
    !options.requireAuth || req.headers["proxy-authorization"] !== undefined;
  const server = createServer((req, res) => {
    forwarded.push(`${req.method ?? ""} ${req.url ?? ""}`);
    if (!authorised(req)) {
      res.writeHead(407, { "proxy-authenticate": 'Basic realm="test"' }).end();
      return;
    }
    const target = new URL(req.url ?? "");
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? "");
    sockets.add(client);
    if (!authorised(req)) {
      client.end("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    const [host = "", port = "443"] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  const { port, close } = await listenForTest(server, sockets);
  return { url: `http://127.0.0.1:${port}`, forwarded, tunnels, close };
}
