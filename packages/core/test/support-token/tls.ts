import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";
import { onTestFinished } from "vitest";

export type SelfSigned = { certPath: string; keyPath: string; cert: string; key: string };

/** A self-signed certificate for 127.0.0.1, made with openssl (EC P-256: quick to generate). */
export function makeSelfSignedCert(dir: string): SelfSigned {
  const certPath = join(dir, "cert.pem");
  const keyPath = join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      keyPath,
      "-out",
      certPath,
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  return { certPath, keyPath, cert: readFileSync(certPath, "utf8"), key: readFileSync(keyPath, "utf8") };
}

/** An https server on 127.0.0.1 answering every request with `body` as JSON; closed when the test ends. */
export async function startTlsServer(
  tls: SelfSigned,
  body: unknown,
): Promise<{ origin: string; hits: () => number }> {
  let hits = 0;
  const sockets = new Set<Socket>();
  const server = createServer({ cert: tls.cert, key: tls.key }, (_req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  onTestFinished(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { origin: `https://127.0.0.1:${port}`, hits: () => hits };
}
