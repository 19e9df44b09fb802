import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { describe, expect, it, onTestFinished } from "vitest";
import { HttpRequestError } from "../../http/http-port.js";
import { createHttp } from "./http.js";

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A node:http server on 127.0.0.1, closed (connections too) when the test ends. */
async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    void handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  onTestFinished(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

function client(maxBodyBytes?: number): ReturnType<typeof createHttp> {
  const http = createHttp(maxBodyBytes === undefined ? { env: {} } : { env: {}, maxBodyBytes });
  onTestFinished(() => http.close());
  return http;
}

async function rejection(p: Promise<unknown>): Promise<HttpRequestError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HttpRequestError) return e;
    throw e;
  }
  throw new Error("expected the request to fail");
}

/**
 * The sizes of the pieces undici hands a dispatch handler for one GET: what the collector works with.
 * The servers below write their body with res.write() calls (chunked encoding, one HTTP chunk per call);
 * undici's parser gives each HTTP chunk's data over on its own, whether the bytes arrive in one TCP
 * segment or several, so these boundaries do not depend on timing.
 */
async function pieceSizes(url: string): Promise<number[]> {
  const agent = new Agent();
  onTestFinished(() => agent.close());
  const sizes: number[] = [];
  await new Promise<void>((resolve, reject) => {
    agent.dispatch(
      { origin: url, path: "/", method: "GET" },
      {
        onRequestStart: () => undefined,
        onResponseStart: () => undefined,
        onResponseData: (_c, chunk: Buffer) => void sizes.push(chunk.length),
        onResponseEnd: () => resolve(),
        onResponseError: (_c, e) => reject(e),
      },
    );
  });
  return sizes;
}

describe("createHttp: reading the answer", () => {
  it("cuts a body longer than maxBodyBytes at a chunk boundary and keeps the status", async () => {
    const parts = ["a".repeat(100), "b".repeat(100), "c".repeat(100)];
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      for (const p of parts) res.write(p);
      res.end();
    });
    expect(await pieceSizes(url)).toEqual([100, 100, 100]);
    // 100 bytes fit in 150; the next chunk would pass the limit, so the body is exactly the first chunk.
    const got = await client(150).request({ method: "GET", url: `${url}/big` });
    expect(got.status).toBe(200);
    expect(got.body).toBe("a".repeat(100));
  });

  it("decodes UTF-8 split across chunks, and a whole body under the limit", async () => {
    const text = "café ✓ ünïcode";
    const bytes = Buffer.from(text, "utf8");
    const cut = bytes.indexOf(Buffer.from("✓")) + 1; // inside the three bytes of ✓
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.write(bytes.subarray(0, cut));
      res.end(bytes.subarray(cut));
    });
    // The split really reaches the collector (see pieceSizes), with no pause between the writes.
    expect(await pieceSizes(url)).toEqual([cut, bytes.length - cut]);
    const got = await client(1024).request({ method: "GET", url: `${url}/utf8` });
    expect(got.body).toBe(text);
  });

  it("joins repeated headers with ', ', lower-cases names and sends the query string", async () => {
    const { url } = await serve((req, res) => {
      res.setHeader("X-Seen", ["one", "two"]);
      res.writeHead(200, { "Content-Type": "text/plain" }).end(req.url);
    });
    const got = await client().request({ method: "GET", url: `${url}/p/a?q=1&r=two` });
    expect(got.headers["x-seen"]).toBe("one, two");
    expect(got.headers["content-type"]).toBe("text/plain");
    expect(got.body).toBe("/p/a?q=1&r=two");
  });

  it("posts the body and headers it was given, byte for byte", async () => {
    const { url } = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () =>
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ type: req.headers["content-type"], body: Buffer.concat(chunks).toString() })),
      );
    });
    const body = "grant_type=refresh_token&client_id=cloud-services&refresh_token=abc.def.ghi";
    const got = await client().request({
      method: "POST",
      url: `${url}/token`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(JSON.parse(got.body)).toEqual({ type: "application/x-www-form-urlencoded", body });
  });
});

describe("createHttp: addresses", () => {
  it("refuses a URL that is not http(s) or not a URL, as undici's request() does, sending nothing", async () => {
    const http = client();
    for (const url of ["ftp://127.0.0.1/x", "file:///etc/hosts", "not a url"]) {
      const e = await rejection(http.request({ method: "GET", url }));
      expect([e.kind, e.transient]).toEqual(["other", false]);
    }
    const ftp = await rejection(http.request({ method: "GET", url: "ftp://127.0.0.1/x" }));
    expect(ftp.message).toContain("must start with `http:` or `https:`");
  });

  it("sends each request to its own address when two alternate (the parsed-address cache)", async () => {
    const a = await serve((req, res) => void res.end(`a${req.url ?? ""}`));
    const b = await serve((req, res) => void res.end(`b${req.url ?? ""}`));
    const http = client();
    const got: string[] = [];
    for (const url of [`${a.url}/1`, `${a.url}/1`, `${b.url}/2?x=y`, `${a.url}/1`, `${b.url}/3`]) {
      got.push((await http.request({ method: "GET", url })).body);
    }
    expect(got).toEqual(["a/1", "a/1", "b/2?x=y", "a/1", "b/3"]);
  });
});

describe("createHttp: cancelling", () => {
  it("an already-aborted signal sends nothing and is CANCELLED", async () => {
    const server = await serve((_req, res) => void res.end("{}"));
    const c = new AbortController();
    c.abort();
    const e = await rejection(client().request({ method: "GET", url: server.url, signal: c.signal }));
    expect([e.kind, e.code]).toEqual(["aborted", "CANCELLED"]);
    expect(server.hits()).toBe(0);
  });

  it("an abort while the body is still coming is CANCELLED, and the client still works after it", async () => {
    let headersSent!: () => void;
    const started = new Promise<void>((r) => (headersSent = r));
    const server = await serve((req, res) => {
      if (req.url === "/slow") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("partial");
        headersSent(); // and never ends: the abort must end it
      } else {
        res.end("ok");
      }
    });
    const http = client();
    const c = new AbortController();
    const pending = rejection(http.request({ method: "GET", url: `${server.url}/slow`, signal: c.signal }));
    await started;
    await pause(20);
    c.abort();
    expect((await pending).code).toBe("CANCELLED");
    expect((await http.request({ method: "GET", url: `${server.url}/next` })).body).toBe("ok");
  });
});
