// Issue #16 item 7: a server that sends its headers and then trickles the body, a byte at a time, must
// not outlive the deadline. undici's bodyTimeout is per pause, so each byte restarted it; the deadline
// has to cover the whole exchange, body included, and the request must really end (its socket closed),
// or a client's close() waits for it and the process never exits.
import { createServer, type ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { mintHubToken } from "@hub-setup/test-utils";
import { HttpRequestError, verifyHub } from "../../src/index.js";
import { nodeClock } from "../../src/node/clock.js";
import { createHttp } from "../../src/node/net/index.js";
import { listenForTest } from "../support-token/listen.js";

/** Headers at once, then one byte every `everyMs`, for at most `forMs` (then the body ends). */
async function trickler(everyMs: number, forMs: number) {
  const state = { bodyClosedAt: undefined as number | undefined, started: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((_req, res: ServerResponse) => {
    state.started = Date.now();
    res.writeHead(200, { "content-type": "application/json" });
    res.write("{");
    const tick = setInterval(() => {
      if (Date.now() - state.started >= forMs) {
        clearInterval(tick);
        res.end('"available_versions":{"v3":"v3/"}}');
        return;
      }
      res.write(" ");
    }, everyMs);
    timers.add(tick);
    res.on("close", () => {
      clearInterval(tick);
      state.bodyClosedAt ??= Date.now();
    });
  });
  const { port, close } = await listenForTest(server);
  return {
    url: `http://127.0.0.1:${port}/api/galaxy/`,
    state,
    close: async () => {
      for (const t of timers) clearInterval(t);
      await close();
    },
  };
}

describe("a body trickled slower than the deadline", () => {
  it("the adapter's timeoutMs covers the body: the request fails as a timeout and its socket is closed", async () => {
    const server = await trickler(50, 3_000);
    const http = createHttp({ env: {} });
    try {
      const started = Date.now();
      const error = await http.request({ method: "GET", url: server.url, timeoutMs: 300 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      const took = Date.now() - started;
      expect(error).toBeInstanceOf(HttpRequestError);
      expect((error as HttpRequestError).kind).toBe("timeout");
      expect(took).toBeLessThan(1_500);
      // The server saw the exchange end near the deadline, not when it chose to finish the body.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(server.state.bodyClosedAt).toBeDefined();
      expect((server.state.bodyClosedAt ?? Infinity) - server.state.started).toBeLessThan(1_500);
    } finally {
      await http.close();
      await server.close();
    }
  });

  it("verifyHub ends at its deadline and the client closes at once after it", async () => {
    const server = await trickler(50, 3_000);
    const http = createHttp({ env: {} });
    let closed = false;
    try {
      const started = Date.now();
      const result = await verifyHub({
        server: { kind: "private", url: server.url },
        token: mintHubToken(),
        http,
        clock: nodeClock,
        deadlineMs: 300,
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain("within 0.3 s");
      // close() waits for requests in flight: with the request still trickling it would take ~3 s.
      await http.close();
      closed = true;
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      if (!closed) await http.close();
      await server.close();
    }
  });
});
