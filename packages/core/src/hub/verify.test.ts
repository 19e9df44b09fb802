// verifyHub over the fake HTTP port and a virtual clock: every outcome test/hub/verify.test.ts checks
// against a real server, without sockets or waiting. Each test verifies the port when it ends.
import { describe, expect, it, onTestFinished } from "vitest";
import {
  fakeHttp,
  mintAccessToken,
  mintHubToken,
  mintOfflineToken,
  reply,
  virtualClock,
  type FakeHttp,
} from "@hub-setup/test-utils";
import type { HubServer, VerifyResult } from "./types.js";
import { verifyHub } from "./verify.js";

const ORIGIN = "https://hub.example.com";
const SSO = "https://sso.example.com/auth/realms/redhat-external/protocol/openid-connect/token";
const PRIVATE_URL = `${ORIGIN}/api/galaxy/content/published/`;
const CLOUD_URL = `${ORIGIN}/api/automation-hub/content/published/`;
const API_ROOT = reply.json(200, { available_versions: { v3: "v3/", "pulp-v3": "pulp/api/v3/" } });

function port(): FakeHttp {
  const http = fakeHttp();
  onTestFinished(() => http.verify());
  return http;
}

async function verify(http: FakeHttp, server: HubServer, token: string, deadlineMs?: number) {
  const clock = virtualClock();
  const started = clock.now();
  const result = await verifyHub({
    server,
    token,
    http,
    clock,
    retry: { retries: 2, baseMs: 10, maxMs: 50 },
    random: () => 0.5,
    ...(deadlineMs === undefined ? {} : { deadlineMs }),
  });
  return { result, elapsed: clock.now() - started };
}

const privateHub = (url = PRIVATE_URL): HubServer => ({ kind: "private", url });
const cloudHub = (url = CLOUD_URL): HubServer => ({ kind: "cloud", url, authUrl: SSO });
const ssoOk = (access: string) => reply.json(200, { access_token: access, expires_in: 900 });

function failure(r: VerifyResult) {
  if (r.ok) throw new Error("expected a failure");
  return r;
}

describe("verifyHub over a fake port", () => {
  it("private hub: one GET of the API root with `Token <token>`, listing the API versions", async () => {
    const token = mintHubToken();
    const http = port().on(
      { method: "GET", url: PRIVATE_URL, headers: { authorization: `Token ${token}` } },
      API_ROOT,
    );
    const { result } = await verify(http, privateHub(), token);
    expect(result).toEqual({ ok: true, apiVersions: ["v3", "pulp-v3"], url: PRIVATE_URL });
  });

  it("cloud: refreshes at the SSO, then sends `Bearer <access token>` to the hub", async () => {
    const token = mintOfflineToken();
    const access = mintAccessToken();
    const http = port()
      .on(
        {
          method: "POST",
          url: SSO,
          body: `grant_type=refresh_token&client_id=cloud-services&refresh_token=${token}`,
        },
        ssoOk(access),
      )
      .on({ method: "GET", url: CLOUD_URL, headers: { authorization: `Bearer ${access}` } }, API_ROOT);
    const { result } = await verify(http, cloudHub(), token);
    expect(result.ok).toBe(true);
    expect(http.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it("401: token not accepted, a newer Load token replaces the old one", async () => {
    const body = {
      errors: [{ detail: "Invalid token.", status: "401", title: "Incorrect authentication credentials." }],
    };
    const http = port().on({ method: "GET", url: PRIVATE_URL }, reply.json(401, body));
    const f = failure((await verify(http, privateHub(), mintHubToken())).result);
    expect(f.outcome).toBe("unauthorized");
    expect(f.error.code).toBe("TOKEN_REJECTED");
    expect(f.message).toContain('HTTP 401: "Invalid token."');
    expect(f.message).toContain("loading a token replaces the old one");
    expect(f.message).toContain(`${ORIGIN} › Collections › API token › Load token`);
  });

  it("403 on a private hub: permission; on the cloud: subscription or the masked rate limit", async () => {
    const forbidden = reply.json(403, {
      errors: [{ detail: "You do not have permission to perform this action." }],
    });
    const f = failure(
      (await verify(port().on({ method: "GET" }, forbidden), privateHub(), mintHubToken())).result,
    );
    expect(f.outcome).toBe("forbidden");
    expect(f.error.code).toBe("HUB_FORBIDDEN");
    expect(f.message).toContain("administrator");
    const cloud = port()
      .on({ method: "POST" }, ssoOk(mintAccessToken()))
      .on({ method: "GET" }, reply.empty(403));
    const c = failure((await verify(cloud, cloudHub(), mintOfflineToken())).result);
    expect(c.outcome).toBe("forbidden");
    expect(c.message).toContain("subscription");
    expect(c.message).toContain("rate-limits");
  });

  it("404: this is not a hub API URL, with the URL we expected", async () => {
    const http = port().on({ method: "GET", url: `${ORIGIN}/ui/` }, reply.empty(404));
    const f = failure((await verify(http, privateHub(`${ORIGIN}/ui/`), mintHubToken())).result);
    expect(f.outcome).toBe("not-found");
    expect(f.error.code).toBe("HUB_NOT_FOUND");
    expect(f.expectedUrl).toBe(PRIVATE_URL);
    expect(f.message).toContain(PRIVATE_URL);
  });

  it("an HTML page instead of the API root: not a hub API URL, naming the page", async () => {
    const http = port()
      .on({ method: "POST" }, ssoOk(mintAccessToken()))
      .on({ method: "GET" }, reply.html(200, "Automation Hub"));
    const f = failure(
      (await verify(http, cloudHub(`${ORIGIN}/ansible/automation-hub/`), mintOfflineToken())).result,
    );
    expect(f.outcome).toBe("not-found");
    expect(f.expectedUrl).toBe(CLOUD_URL);
    expect(f.message).toContain('HTML page titled "Automation Hub"');
  });

  it("JSON without available_versions: not a hub API URL", async () => {
    const http = port().on({ method: "GET" }, reply.json(200, { hello: "world" }));
    const f = failure((await verify(http, privateHub(), mintHubToken())).result);
    expect(f.outcome).toBe("not-found");
    expect(f.message).toContain("without available_versions");
  });

  it.each([
    ["Offline user session not found", "expired"],
    ["Invalid refresh token", "rejected"],
    ["Invalid refresh token. Token client and authorized client don't match", "wrong-client"],
  ])(
    "a cloud refresh refused with %j comes through as %s, and the hub is never asked",
    async (description, outcome) => {
      const http = port().on(
        { method: "POST", url: SSO },
        reply.json(400, { error: "invalid_grant", error_description: description }),
      );
      const f = failure((await verify(http, cloudHub(), mintOfflineToken())).result);
      expect(f.outcome).toBe(outcome);
    },
  );

  it("502 then 200: retried after a wait on the injected clock", async () => {
    const http = port().on({ method: "GET" }, reply.empty(502)).on({ method: "GET" }, API_ROOT);
    const { result, elapsed } = await verify(http, privateHub(), mintHubToken());
    expect(result.ok).toBe(true);
    expect(elapsed).toBe(8); // equal jitter at 0.5 of baseMs 10: 5 + 2.5, rounded
  });

  it("502 every time: unavailable after 1 + retries attempts", async () => {
    const http = port().on({ method: "GET" }, reply.empty(502), 3);
    const f = failure((await verify(http, privateHub(), mintHubToken())).result);
    expect(f.outcome).toBe("unavailable");
    expect(f.message).toContain("after 3 attempts");
  });

  it("429 with Retry-After: waits what it asks, then succeeds", async () => {
    const http = port()
      .on({ method: "GET" }, reply.empty(429, { "retry-after": "3" }))
      .on({ method: "GET" }, API_ROOT);
    const { result, elapsed } = await verify(http, privateHub(), mintHubToken());
    expect(result.ok).toBe(true);
    expect(elapsed).toBe(3_000);
  });

  it("a hub that never answers: the injected timer ends the check at the deadline, without real waiting", async () => {
    const http = port().on({ method: "GET" }, reply.hang());
    const realStart = Date.now();
    const { result, elapsed } = await verify(http, privateHub(), mintHubToken(), 30_000);
    const f = failure(result);
    expect(f.outcome).toBe("network");
    expect(f.message).toContain("no answer from the private hub");
    expect(f.message).toContain("within 30 s");
    expect(elapsed).toBeGreaterThanOrEqual(30_000);
    expect(Date.now() - realStart).toBeLessThan(5_000);
  });

  it("the SSO and the hub share one deadline: a slow refresh leaves the hub only what is left", async () => {
    const http = port()
      .on({ method: "POST" }, reply.empty(503))
      .on({ method: "POST" }, ssoOk(mintAccessToken()))
      .on({ method: "GET" }, API_ROOT);
    const { result } = await verify(http, cloudHub(), mintOfflineToken(), 10_000);
    expect(result.ok).toBe(true);
    const [first, , hub] = http.requests;
    expect(first?.timeoutMs).toBe(10_000);
    expect(hub?.timeoutMs).toBeLessThan(10_000);
  });

  it.each([
    ["cloud", () => mintHubToken(), "private automation hub API token"],
    ["cloud", () => mintAccessToken(), "short-lived access token"],
    ["private", () => mintOfflineToken(), "Red Hat offline token"],
  ] as const)("%s hub given the wrong kind of token: said before any request", async (kind, make, says) => {
    const server = kind === "cloud" ? cloudHub() : privateHub();
    const f = failure((await verify(port(), server, make())).result);
    expect(f.outcome).toBe("wrong-token-kind");
    expect(f.error.code).toBe("INVALID_TOKEN");
    expect(f.message).toContain(says);
  });
});
