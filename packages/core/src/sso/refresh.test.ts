// refreshOfflineToken over the fake HTTP port and a virtual clock: every outcome test/sso/refresh.test.ts
// checks against a real server, here without sockets or waiting. Each test verifies the port: every
// scripted answer was asked for, and nothing else was.
import { describe, expect, it, onTestFinished } from "vitest";
import {
  fakeHttp,
  mintAccessToken,
  mintHubToken,
  mintOfflineToken,
  reply,
  virtualClock,
  type FakeHttp,
  type FakeResponse,
} from "@hub-setup/test-utils";
import { HttpRequestError } from "../http/http-port.js";
import { refreshOfflineToken, type RefreshResult } from "./refresh.js";

const AUTH_URL = "https://sso.example.com/auth/realms/redhat-external/protocol/openid-connect/token";
const TOKEN_ENDPOINT = { method: "POST", url: AUTH_URL };
const RETRY = { retries: 3, baseMs: 100, maxMs: 1_000 };

const keycloakOk = (accessToken: string, expiresIn = 900): FakeResponse =>
  reply.json(200, { access_token: accessToken, expires_in: expiresIn, token_type: "Bearer" });
const keycloakError = (description: string, error = "invalid_grant", status = 400): FakeResponse =>
  reply.json(status, { error, error_description: description });

/** A fake port checked when the test ends: unused answers and unexpected requests fail it. */
function port(): FakeHttp {
  const http = fakeHttp();
  onTestFinished(() => http.verify());
  return http;
}

async function refresh(
  http: FakeHttp,
  extra: { token?: string; clientId?: string; deadlineMs?: number } = {},
) {
  const clock = virtualClock();
  const started = clock.now();
  const token = extra.token ?? mintOfflineToken();
  const result = await refreshOfflineToken({
    token,
    authUrl: AUTH_URL,
    http,
    clock,
    retry: RETRY,
    random: () => 0.5,
    ...(extra.deadlineMs === undefined ? {} : { deadlineMs: extra.deadlineMs }),
    ...(extra.clientId === undefined ? {} : { clientId: extra.clientId }),
  });
  return { result, token, elapsed: clock.now() - started };
}

function failure(r: RefreshResult) {
  if (r.ok) throw new Error("expected a failure");
  return r;
}

describe("refreshOfflineToken over a fake port", () => {
  it("200: the access token and expires_in, after posting exactly what ansible-galaxy posts", async () => {
    const access = mintAccessToken();
    const http = port().on(TOKEN_ENDPOINT, keycloakOk(access, 900));
    const { result, token } = await refresh(http);
    expect(result).toEqual({ ok: true, accessToken: access, expiresIn: 900, attempts: 1 });
    expect(http.requests[0]?.headers).toEqual({ "content-type": "application/x-www-form-urlencoded" });
    expect(http.requests[0]?.body).toBe(
      `grant_type=refresh_token&client_id=cloud-services&refresh_token=${token}`,
    );
  });

  it.each([
    [
      "Offline user session not found",
      "expired",
      "TOKEN_EXPIRED",
      "it was not used for 30 days or was revoked",
    ],
    ["Offline session not active", "expired", "TOKEN_EXPIRED", "its session timed out"],
    ["Session not active", "expired", "TOKEN_EXPIRED", "the sign-in session it came from has ended"],
    ["Token is not active", "expired", "TOKEN_EXPIRED", "past its expiry time"],
    ["Stale token", "expired", "TOKEN_EXPIRED", "it was revoked"],
    ["Session doesn't have required client", "expired", "TOKEN_EXPIRED", "signed out of this client"],
    ["Maximum allowed refresh token reuse exceeded", "expired", "TOKEN_EXPIRED", "used up"],
    [
      "Invalid refresh token",
      "rejected",
      "TOKEN_REJECTED",
      "does not recognise this as one of its refresh tokens",
    ],
    ["User disabled", "rejected", "TOKEN_REJECTED", "the account that loaded it is disabled"],
    [
      "Invalid refresh token. Token client and authorized client don't match",
      "wrong-client",
      "WRONG_CLIENT",
      "client_id",
    ],
  ])("400 invalid_grant %j → %s (%s), at once", async (description, outcome, code, says) => {
    const http = port().on(TOKEN_ENDPOINT, keycloakError(description));
    const f = failure((await refresh(http)).result);
    expect(f.outcome).toBe(outcome);
    expect(f.error.code).toBe(code);
    expect(f.message).toContain(says);
    expect(f.message).toContain(`"${description}"`);
    expect(f.attempts).toBe(1);
  });

  it("400 client mismatch with another client_id: names the client the token was issued to", async () => {
    const http = port().on(
      TOKEN_ENDPOINT,
      keycloakError("Invalid refresh token. Token client and authorized client don't match"),
    );
    const f = failure((await refresh(http, { clientId: "rhsm-api" })).result);
    expect(f.outcome).toBe("wrong-client");
    expect(f.message).toContain('client_id "rhsm-api"');
    expect(f.message).toContain("set client_id = cloud-services");
    expect(http.requests[0]?.body).toContain("client_id=rhsm-api&");
  });

  it("401 invalid_client: the client_id is unknown to the SSO", async () => {
    const http = port().on(
      TOKEN_ENDPOINT,
      keycloakError("Invalid client credentials", "invalid_client", 401),
    );
    const f = failure((await refresh(http, { clientId: "no-such-client" })).result);
    expect(f.outcome).toBe("wrong-client");
    expect(f.message).toContain('does not accept client_id "no-such-client"');
  });

  it.each([
    [401, "check auth_url"],
    [403, "check auth_url"],
    [404, "https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token"],
  ])("%i without a JSON body: rejected at once, saying what to check", async (status, says) => {
    const http = port().on(TOKEN_ENDPOINT, reply.empty(status));
    const f = failure((await refresh(http)).result);
    expect(f.outcome).toBe("rejected");
    expect(f.error.code).toBe("TOKEN_REJECTED");
    expect(f.message).toContain(`HTTP ${status}`);
    expect(f.message).toContain(says);
    expect(f.attempts).toBe(1);
  });

  it("503 twice then 200: succeeds on the third attempt after two growing, jittered waits", async () => {
    const access = mintAccessToken();
    const http = port().on(TOKEN_ENDPOINT, reply.empty(503), 2).on(TOKEN_ENDPOINT, keycloakOk(access));
    const { result, elapsed } = await refresh(http);
    expect(result).toEqual({ ok: true, accessToken: access, expiresIn: 900, attempts: 3 });
    expect(elapsed).toBe(75 + 150);
  });

  it("503 every time: unavailable after 1 + retries attempts", async () => {
    const http = port().on(TOKEN_ENDPOINT, reply.json(503, { error: "down" }), 4);
    const f = failure((await refresh(http)).result);
    expect(f.outcome).toBe("unavailable");
    expect(f.error.code).toBe("UNAVAILABLE");
    expect(f.message).toContain("is failing (HTTP 503) after 4 attempts");
    expect(f.attempts).toBe(4);
  });

  it("429 with Retry-After: waits as long as it asks (on the injected clock), then succeeds", async () => {
    const http = port()
      .on(TOKEN_ENDPOINT, reply.empty(429, { "retry-after": "2" }))
      .on(TOKEN_ENDPOINT, keycloakOk(mintAccessToken()));
    const { result, elapsed } = await refresh(http);
    expect(result.ok).toBe(true);
    expect(result.attempts).toBe(2);
    expect(elapsed).toBe(2_000);
  });

  it("429 asking to wait past the deadline: gives up at once, saying how long it asked", async () => {
    const http = port().on(TOKEN_ENDPOINT, reply.empty(429, { "retry-after": "120" }));
    const { result, elapsed } = await refresh(http, { deadlineMs: 3_000 });
    const f = failure(result);
    expect(f.outcome).toBe("unavailable");
    expect(f.message).toContain("limiting requests (HTTP 429) after 1 attempt; it asked to wait 120 s");
    expect(elapsed).toBe(0);
  });

  it("a reset connection: retried as transient, then network", async () => {
    const reset = (): Promise<FakeResponse> =>
      Promise.reject(new HttpRequestError("reset", "the connection was reset (ECONNRESET)"));
    const http = port().on(TOKEN_ENDPOINT, reset, 4);
    const { result, elapsed } = await refresh(http);
    const f = failure(result);
    expect(f.outcome).toBe("network");
    expect(f.error.code).toBe("NETWORK");
    expect(f.message).toContain("(4 attempts)");
    expect(f.message).toContain("the connection was reset");
    expect(elapsed).toBe(75 + 150 + 300);
  });

  it("a refused connection: network at once (not transient)", async () => {
    const refused = (): Promise<FakeResponse> =>
      Promise.reject(new HttpRequestError("refused", "127.0.0.1:9 refused the connection"));
    const http = port().on(TOKEN_ENDPOINT, refused);
    const f = failure((await refresh(http)).result);
    expect(f.outcome).toBe("network");
    expect(f.attempts).toBe(1);
    expect(f.message).toContain("nothing is listening there");
  });

  it("a server that never answers: the injected timer ends it at the deadline, with no real waiting", async () => {
    const http = port().on(TOKEN_ENDPOINT, reply.hang());
    const realStart = Date.now();
    const { result, elapsed } = await refresh(http, { deadlineMs: 30_000 });
    const f = failure(result);
    expect(f.outcome).toBe("network");
    expect(f.message).toContain("no answer from Red Hat SSO");
    expect(f.message).toContain("within 30 s");
    expect(f.attempts).toBe(1);
    expect(http.requests[0]?.timeoutMs).toBe(30_000);
    expect(elapsed).toBeGreaterThanOrEqual(30_000);
    expect(Date.now() - realStart).toBeLessThan(5_000);
  });

  it("an HTML page from a proxy: a clear network error naming the page", async () => {
    const http = port().on(TOKEN_ENDPOINT, reply.html(200, "Proxy login required"));
    const f = failure((await refresh(http)).result);
    expect(f.outcome).toBe("network");
    expect(f.message).toContain('got an HTML page titled "Proxy login required" (text/html) (HTTP 200)');
  });

  it("JSON served as text/plain, broken JSON and a 200 without expires_in: refused, not guessed", async () => {
    const body = JSON.stringify({ access_token: "x".repeat(40), expires_in: 900 });
    const plain = failure((await refresh(port().on(TOKEN_ENDPOINT, reply.text(200, body)))).result);
    expect(plain.message).toContain("got a text/plain body, not JSON (HTTP 200)");
    const broken = failure(
      (await refresh(port().on(TOKEN_ENDPOINT, reply.text(200, "{oops", "application/json")))).result,
    );
    expect(broken.message).toContain("says application/json but is not valid JSON");
    const noExpiry = failure(
      (await refresh(port().on(TOKEN_ENDPOINT, reply.json(200, { access_token: mintAccessToken() })))).result,
    );
    expect(noExpiry.outcome).toBe("unavailable");
    expect(noExpiry.message).toContain("expires_in");
  });

  it("a private hub API token is refused before any request (the port sees nothing)", async () => {
    const f = failure((await refresh(port(), { token: mintHubToken() })).result);
    expect(f.error.code).toBe("INVALID_TOKEN");
    expect(f.attempts).toBe(0);
  });

  it("never puts the token in a message, even when the server echoes it", async () => {
    const token = mintOfflineToken();
    const http = port().on(TOKEN_ENDPOINT, keycloakError(`Invalid refresh token ${token}`));
    const f = failure((await refresh(http, { token })).result);
    expect(f.message).not.toContain(token);
    expect(JSON.stringify(f.error)).not.toContain(token);
  });
});

describe("a redirect from the token endpoint (issue #16, low)", () => {
  it.each([301, 302, 303, 307, 308])(
    "%i: a network/config problem (auth_url is probably wrong), naming where it pointed, query redacted",
    async (status) => {
      const http = port().on(
        TOKEN_ENDPOINT,
        reply.empty(status, {
          location: "https://login.example.net/sso/start?session=s3cr3tSessionValue123&x=1",
        }),
      );
      const f = failure((await refresh(http)).result);
      expect(f.outcome).toBe("network");
      expect(f.error.code).toBe("NETWORK");
      expect(f.message).toContain("login.example.net");
      expect(f.message).toContain("auth_url");
      expect(f.message).toContain(`HTTP ${status}`);
      expect(f.message).not.toContain("refused the refresh");
      expect(f.message).not.toContain("s3cr3tSessionValue123");
    },
  );

  it("without a Location header, says so", async () => {
    const http = port().on(TOKEN_ENDPOINT, reply.empty(302));
    const f = failure((await refresh(http)).result);
    expect(f.outcome).toBe("network");
    expect(f.message).toContain("no Location");
  });
});
