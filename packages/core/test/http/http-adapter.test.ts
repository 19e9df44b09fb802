import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { mintAccessToken, mintHubToken, mintOfflineToken, requireTool, tempDir } from "@hub-setup/test-utils";
import { HttpRequestError, refreshOfflineToken, verifyHub } from "../../src/index.js";
import { createHttp, mapWithConcurrency } from "../../src/node/net/index.js";
import {
  json,
  keycloakOk,
  makeSelfSignedCert,
  noWait,
  startProxy,
  startServer,
  startTlsServer,
} from "../support-token/index.js";

const API_ROOT = { available_versions: { v3: "v3/" } };

async function rejection(p: Promise<unknown>): Promise<HttpRequestError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HttpRequestError) return e;
    throw e;
  }
  throw new Error("expected the request to fail");
}

describe("createHttp: proxies from the environment", () => {
  it("sends a plain-http request through HTTP_PROXY, as an absolute-form request", async () => {
    const target = await startServer([json(200, API_ROOT)], "/api/galaxy/");
    const proxy = await startProxy();
    const http = createHttp({ env: { HTTP_PROXY: proxy.url } });
    onTestFinished(() => http.close());
    const res = await http.request({ method: "GET", url: target.url });
    expect(res.status).toBe(200);
    expect(proxy.forwarded).toEqual([`GET ${target.url}`]);
    expect(target.requests).toHaveLength(1);
  });

  it("bypasses the proxy for hosts in NO_PROXY, and ignores process.env when given its own env", async () => {
    const target = await startServer([json(200, API_ROOT)], "/api/galaxy/");
    const proxy = await startProxy();
    const http = createHttp({ env: { http_proxy: proxy.url, no_proxy: "localhost,127.0.0.1" } });
    onTestFinished(() => http.close());
    expect((await http.request({ method: "GET", url: target.url })).status).toBe(200);
    expect(proxy.forwarded).toEqual([]);
    const none = createHttp({ env: {} });
    onTestFinished(() => none.close());
    expect((await none.request({ method: "GET", url: target.url })).status).toBe(200);
  });

  it("a proxy asking for credentials (407) is a proxy failure with what to set", async () => {
    const target = await startServer([keycloakOk(mintAccessToken())]);
    const proxy = await startProxy({ requireAuth: true });
    const http = createHttp({ env: { HTTP_PROXY: proxy.url } });
    onTestFinished(() => http.close());
    const result = await refreshOfflineToken({
      token: mintOfflineToken(),
      authUrl: target.url,
      http,
      ...noWait(),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.outcome).toBe("network");
      expect(result.message).toMatch(/proxy/i);
      expect(result.message).toContain("HTTPS_PROXY");
    }
    expect(target.requests).toHaveLength(0);
  });
});

const openssl = requireTool("openssl", "apt-get install openssl");

describe.skipIf(!openssl.available)("createHttp: TLS trust (self-signed certificate made by openssl)", () => {
  it("refuses a self-signed hub by default, as a TLS network failure that names the fix", async () => {
    const tls = makeSelfSignedCert(tempDir());
    const hub = await startTlsServer(tls, API_ROOT);
    const http = createHttp({ env: {} });
    onTestFinished(() => http.close());
    const result = await verifyHub({
      server: { kind: "private", url: `${hub.origin}/api/galaxy/` },
      token: mintHubToken(),
      http,
      ...noWait(),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.outcome).toBe("network");
      expect(result.message).toContain("TLS failed");
      expect(result.message).toContain("self-signed");
      expect(result.message).toContain("NODE_EXTRA_CA_CERTS");
    }
    expect(hub.hits()).toBe(0);
  });

  it("trusts it with the server's CA file, with NODE_EXTRA_CA_CERTS, or with validate_certs off", async () => {
    const tls = makeSelfSignedCert(tempDir());
    const hub = await startTlsServer(tls, API_ROOT);
    const url = `${hub.origin}/api/galaxy/`;
    for (const options of [
      { caFile: tls.certPath },
      { env: { NODE_EXTRA_CA_CERTS: tls.certPath } },
      { validateCerts: false },
    ]) {
      const http = createHttp({ env: {}, ...options });
      onTestFinished(() => http.close());
      const res = await http.request({ method: "GET", url });
      expect(res.status).toBe(200);
    }
    expect(hub.hits()).toBe(3);
  });

  it("reaches an https hub through HTTPS_PROXY with a CONNECT tunnel, trusting the CA file", async () => {
    const tls = makeSelfSignedCert(tempDir());
    const hub = await startTlsServer(tls, API_ROOT);
    const proxy = await startProxy();
    const http = createHttp({ caFile: tls.certPath, env: { HTTPS_PROXY: proxy.url } });
    onTestFinished(() => http.close());
    expect((await http.request({ method: "GET", url: `${hub.origin}/api/galaxy/` })).status).toBe(200);
    expect(proxy.tunnels).toEqual([hub.origin.replace("https://", "")]);
  });

  it("a CA file that cannot be read or holds no certificate is a usage error at once", () => {
    const dir = tempDir();
    expect(() => createHttp({ caFile: join(dir, "missing.pem") })).toThrow(
      expect.objectContaining({ code: "INVALID_CA_FILE" }),
    );
    writeFileSync(join(dir, "empty.pem"), "not a cert\n");
    expect(() => createHttp({ caFile: join(dir, "empty.pem") })).toThrow(/holds no PEM certificate/);
  });
});

describe("createHttp: requests", () => {
  it("reuses connections for sequential requests (one dispatcher, keep-alive)", async () => {
    let connections = 0;
    const server = createServer((_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end("{}"),
    );
    server.on("connection", () => connections++);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
    const http = createHttp({ env: {} });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    for (let i = 0; i < 20; i++) expect((await http.request({ method: "GET", url })).status).toBe(200);
    await http.close();
    // undici frees a connection a tick after the body ends, so the second request may open one more
    // (a bare undici Agent does the same); after that every request reuses them.
    expect(connections).toBeLessThanOrEqual(2);
  });

  it("drops Authorization when a GET redirect leaves the origin, and never re-sends a POST", async () => {
    const other = await startServer([json(200, API_ROOT)], "/api/galaxy/");
    const hub = await startServer(
      (req) =>
        req.method === "POST"
          ? { status: 307, headers: { location: other.url } }
          : { status: 302, headers: { location: other.url } },
      "/",
    );
    const http = createHttp({ env: {} });
    onTestFinished(() => http.close());
    const got = await http.request({
      method: "GET",
      url: hub.url,
      headers: { authorization: "Token secret-value-1234" },
    });
    expect(got.status).toBe(200);
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    const posted = await http.request({ method: "POST", url: hub.url, body: "refresh_token=secret" });
    expect(posted.status).toBe(307);
    expect(other.requests).toHaveLength(1);
  });

  it("a per-request timeout rejects as a transient timeout; a reset as a transient reset", async () => {
    const hang = await startServer(["hang"], "/");
    const reset = await startServer(["reset"], "/");
    const http = createHttp({ env: {} });
    onTestFinished(() => http.close());
    const t = await rejection(http.request({ method: "GET", url: hang.url, timeoutMs: 100 }));
    expect([t.kind, t.transient, t.code]).toEqual(["timeout", true, "NETWORK"]);
    const r = await rejection(
      http.request({ method: "POST", url: reset.url, body: "refresh_token=abcdefgh" }),
    );
    expect([r.kind, r.transient]).toEqual(["reset", true]);
    expect(r.message).not.toContain("abcdefgh");
    const c = new AbortController();
    const pending = rejection(http.request({ method: "GET", url: hang.url, signal: c.signal }));
    c.abort();
    expect((await pending).code).toBe("CANCELLED");
  });
});

describe("mapWithConcurrency", () => {
  it("keeps at most `limit` calls in flight and returns results in input order", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6, 7], 3, async (n, i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return `${i}:${n}`;
    });
    expect(out).toEqual(["0:5", "1:1", "2:4", "3:2", "4:3", "5:0", "6:6", "7:7"]);
    expect(peak).toBe(3);
  });

  it("rejects with the first error and starts nothing after it; refuses a bad limit", async () => {
    const started: number[] = [];
    await expect(
      mapWithConcurrency([1, 2, 3, 4, 5], 1, async (n) => {
        started.push(n);
        if (n === 2) throw new Error("boom");
        return n;
      }),
    ).rejects.toThrow("boom");
    expect(started).toEqual([1, 2]);
    await expect(mapWithConcurrency([1], 0, async (n) => n)).rejects.toThrow(RangeError);
    expect(await mapWithConcurrency([], 4, async (n: number) => n)).toEqual([]);
  });
});
