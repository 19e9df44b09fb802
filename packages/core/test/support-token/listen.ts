import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { onTestFinished } from "vitest";

/**
 * Listens on a free 127.0.0.1 port and closes the server when the test finishes, destroying every
 * socket still open (hanging replies, tunnels) so that nothing outlives a test. `sockets` also takes
 * sockets the caller opens itself (a proxy's upstream connections).
 */
export async function listenForTest(
  server: Server,
  sockets = new Set<Socket>(),
): Promise<{ port: number; close: () => Promise<void> }> {
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  onTestFinished(close);
  return { port, close };
}
