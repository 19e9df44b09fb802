import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type SandboxOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
};

export type Sandbox = {
  urls: { base: string };
  close: () => Promise<void>;
};

/** Starts the simulator on 127.0.0.1. Every option is optional. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    urls: { base: `http://${host}:${port}/` },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const body = JSON.stringify({
    errors: [
      {
        status: "404",
        code: "not_found",
        title: "Not found.",
        detail: `${req.method ?? "GET"} ${req.url ?? "/"}`,
      },
    ],
  });
  res.writeHead(404, { "content-type": "application/json" }).end(body);
}
