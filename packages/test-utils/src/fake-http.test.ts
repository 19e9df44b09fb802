import { describe, expect, it } from "vitest";
import { fakeHttp, reply } from "./fake-http.js";

const GET = (url: string) => ({ method: "GET", url });

describe("fakeHttp", () => {
  it("answers matching requests in order, the first unused expectation winning, and verifies clean", async () => {
    const http = fakeHttp()
      .on({ method: "GET", url: "https://hub.example.com/api/" }, reply.empty(503))
      .on({ method: "GET", url: /hub\.example\.com/ }, reply.json(200, { ok: 1 }));
    expect((await http.request(GET("https://hub.example.com/api/"))).status).toBe(503);
    const second = await http.request(GET("https://hub.example.com/api/"));
    expect(second.status).toBe(200);
    expect(JSON.parse(second.body)).toEqual({ ok: 1 });
    expect(http.requests).toHaveLength(2);
    expect(() => http.verify()).not.toThrow();
  });

  it("verify fails on an expectation that was never used, saying which", () => {
    const http = fakeHttp().on({ method: "POST", url: "https://sso.example.com/token" }, reply.empty(200), 2);
    expect(() => http.verify()).toThrow(
      /expected 2 more request\(s\) for POST https:\/\/sso\.example\.com\/token/,
    );
  });

  it("rejects an unexpected request and verify fails on it, naming it without its query", async () => {
    const http = fakeHttp().on({ method: "GET" }, reply.empty(200));
    await http.request(GET("https://a.example.com/"));
    await expect(http.request(GET("https://b.example.com/x?token=SECRET"))).rejects.toThrow(
      /unexpected request/,
    );
    expect(() => http.verify()).toThrow(/unexpected request: GET https:\/\/b\.example\.com\/x$/m);
    expect(() => http.verify()).not.toThrow(/SECRET/);
  });

  it("matches on body and headers, and a responder may build the answer or reject", async () => {
    const http = fakeHttp()
      .on(
        {
          body: /grant_type=refresh_token/,
          headers: { "content-type": "application/x-www-form-urlencoded" },
        },
        (req) => reply.json(200, { echoed: req.body?.length }),
      )
      .on({ method: "GET" }, () => Promise.reject(new Error("reset")));
    const got = await http.request({
      method: "POST",
      url: "https://sso.example.com/t",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=refresh_token",
    });
    expect(JSON.parse(got.body)).toEqual({ echoed: 24 });
    await expect(http.request(GET("https://x.example.com/"))).rejects.toThrow("reset");
    expect(() => http.verify()).not.toThrow();
  });
});
