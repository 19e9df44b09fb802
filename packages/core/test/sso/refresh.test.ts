import { describe, expect, it, onTestFinished } from "vitest";
import { mintAccessToken, mintHubToken, mintOfflineToken } from "@hub-setup/test-utils";
import { refreshOfflineToken, type RefreshResult } from "../../src/index.js";
import { createHttp } from "../../src/node/net/index.js";
import { nodeClock } from "../../src/node/clock.js";
import { json, keycloakError, keycloakOk, noWait, startServer, type Reply } from "../support-token/index.js";

// Every case talks to a real node:http server on 127.0.0.1 through the real undici adapter.
const RETRY = { retries: 3, baseMs: 100, maxMs: 1_000 };

async function refreshAgainst(
  script: Reply[],
  extra: { token?: string; clientId?: string; deadlineMs?: number } = {},
) {
  const sso = await startServer(script);
  const http = createHttp({ env: {} });
  const pacing = noWait();
  const token = extra.token ?? mintOfflineToken();
  try {
    const result = await refreshOfflineToken({
      token,
      authUrl: sso.url,
      http,
      retry: RETRY,
      sleep: pacing.sleep,
      random: pacing.random,
      clock: pacing.clock,
      deadlineMs: extra.deadlineMs ?? 5_000,
      ...(extra.clientId === undefined ? {} : { clientId: extra.clientId }),
    });
    return { result, sso, waits: pacing.waits, token };
  } finally {
    await http.close();
  }
}

function failure(result: RefreshResult) {
  if (result.ok) throw new Error("expected a failure");
  return result;
}

describe("refreshOfflineToken against a local Red Hat SSO stand-in", () => {
  it("200: returns the access token and expires_in, having posted exactly what ansible-galaxy posts", async () => {
    const access = mintAccessToken();
    const { result, sso, token } = await refreshAgainst([keycloakOk(access, 900)]);
    expect(result).toEqual({ ok: true, accessToken: access, expiresIn: 900, attempts: 1 });
    expect(sso.requests).toHaveLength(1);
    const [req] = sso.requests;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/auth/realms/redhat-external/protocol/openid-connect/token");
    expect(req?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(req?.body).toBe(`grant_type=refresh_token&client_id=cloud-services&refresh_token=${token}`);
  });

  it("accepts a pasted token with quotes and a Bearer prefix, sending only the token", async () => {
    const token = mintOfflineToken();
    const { result, sso } = await refreshAgainst([keycloakOk(mintAccessToken())], {
      token: ` "Bearer ${token}"\n`,
    });
    expect(result.ok).toBe(true);
    expect(sso.requests[0]?.body.endsWith(`&refresh_token=${token}`)).toBe(true);
  });

  it.each([
    ["Offline user session not found", "expired", "it was not used for 30 days or was revoked"],
    ["Offline session not active", "expired", "its session timed out"],
    ["Session not active", "expired", "the sign-in session it came from has ended"],
    ["Token is not active", "expired", "past its expiry time"],
    ["Stale token", "expired", "it was revoked"],
    ["Session doesn't have required client", "expired", "signed out of this client"],
    ["Maximum allowed refresh token reuse exceeded", "expired", "used up"],
    ["Invalid refresh token", "rejected", "does not recognise this as one of its refresh tokens"],
    ["User disabled", "rejected", "the account that loaded it is disabled"],
    ["Invalid refresh token. Token client and authorized client don't match", "wrong-client", "client_id"],
  ])("400 invalid_grant %j → %s", async (description, outcome, says) => {
    const { result, sso } = await refreshAgainst([keycloakError(description)]);
    const f = failure(result);
    expect(f.outcome).toBe(outcome);
    expect(f.message).toContain(says);
    expect(f.message).toContain(`"${description}"`);
    expect(f.attempts).toBe(1);
    expect(sso.requests).toHaveLength(1);
    if (outcome === "expired") {
      expect(f.message).toContain("https://console.redhat.com/ansible/automation-hub/token");
      expect(f.error.code).toBe("TOKEN_EXPIRED");
    }
  });

  it("400 client mismatch: names the client the token was issued to", async () => {
    const { result } = await refreshAgainst(
      [keycloakError("Invalid refresh token. Token client and authorized client don't match")],
      { clientId: "rhsm-api" },
    );
    const f = failure(result);
    expect(f.outcome).toBe("wrong-client");
    expect(f.error.code).toBe("WRONG_CLIENT");
    expect(f.message).toContain('client_id "rhsm-api"');
    expect(f.message).toContain("set client_id = cloud-services");
  });

  it("401 invalid_client: the client_id is unknown to the SSO", async () => {
    const { result } = await refreshAgainst(
      [keycloakError("Invalid client or Invalid client credentials", "invalid_client", 401)],
      { clientId: "no-such-client" },
    );
    const f = failure(result);
    expect(f.outcome).toBe("wrong-client");
    expect(f.message).toContain('does not accept client_id "no-such-client"');
    expect(f.attempts).toBe(1);
  });

  it("401 with no body: rejected, pointing at auth_url and client_id", async () => {
    const { result } = await refreshAgainst([{ status: 401 }]);
    const f = failure(result);
    expect(f.outcome).toBe("rejected");
    expect(f.error.code).toBe("TOKEN_REJECTED");
    expect(f.message).toContain("HTTP 401");
    expect(f.message).toContain("check auth_url");
    expect(f.attempts).toBe(1);
  });

  it("503 twice then 200: succeeds on the third attempt after two growing, jittered waits", async () => {
    const access = mintAccessToken();
    const { result, sso, waits } = await refreshAgainst([
      { status: 503 },
      { status: 503 },
      keycloakOk(access),
    ]);
    expect(result).toEqual({ ok: true, accessToken: access, expiresIn: 900, attempts: 3 });
    expect(sso.requests).toHaveLength(3);
    expect(waits).toEqual([75, 150]);
  });

  it("503 every time: unavailable after 1 + retries attempts", async () => {
    const { result, sso } = await refreshAgainst([json(503, { error: "down" })]);
    const f = failure(result);
    expect(f.outcome).toBe("unavailable");
    expect(f.error.code).toBe("UNAVAILABLE");
    expect(f.message).toContain("is failing (HTTP 503) after 4 attempts");
    expect(f.attempts).toBe(4);
    expect(sso.requests).toHaveLength(4);
  });

  it("429 with Retry-After: waits as long as it asks, then succeeds", async () => {
    const { result, waits } = await refreshAgainst([
      { status: 429, headers: { "retry-after": "2" } },
      keycloakOk(mintAccessToken()),
    ]);
    expect(result.ok).toBe(true);
    expect(result.attempts).toBe(2);
    expect(waits).toEqual([2_000]);
  });

  it("429 asking to wait past the deadline: gives up at once, saying how long it asked", async () => {
    const { result, sso } = await refreshAgainst([{ status: 429, headers: { "retry-after": "120" } }], {
      deadlineMs: 3_000,
    });
    const f = failure(result);
    expect(f.outcome).toBe("unavailable");
    expect(f.message).toContain("limiting requests (HTTP 429) after 1 attempt; it asked to wait 120 s");
    expect(f.attempts).toBe(1);
    expect(sso.requests).toHaveLength(1);
  });

  it("a reset connection: retried as transient, then network", async () => {
    const { result, sso, waits } = await refreshAgainst(["reset"]);
    const f = failure(result);
    expect(f.outcome).toBe("network");
    expect(f.error.code).toBe("NETWORK");
    expect(f.message).toContain("(4 attempts)");
    expect(f.message).toMatch(/connection was reset/);
    expect(f.attempts).toBe(4);
    expect(sso.requests).toHaveLength(4);
    expect(waits).toEqual([75, 150, 300]);
  });

  it("a server that never answers: the deadline fires and nothing hangs", async () => {
    const { result, sso } = await refreshAgainst(["hang"], { deadlineMs: 300 });
    const f = failure(result);
    expect(f.outcome).toBe("network");
    expect(f.message).toContain("no answer from Red Hat SSO");
    expect(f.message).toContain("within 0.3 s");
    expect(f.attempts).toBe(1);
    expect(sso.requests).toHaveLength(1);
  });

  it("an HTML page from a proxy: a clear network error naming the page, not a crash", async () => {
    const page =
      "<!DOCTYPE html><html><head><title>Proxy login required</title></head><body>Sign in</body></html>";
    const { result } = await refreshAgainst([
      { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: page },
    ]);
    const f = failure(result);
    expect(f.outcome).toBe("network");
    expect(f.message).toContain('got an HTML page titled "Proxy login required" (text/html) (HTTP 200)');
    expect(f.message).toContain("proxy");
    expect(f.attempts).toBe(1);
  });

  it("a wrong content type (JSON text served as text/plain): refused, not guessed", async () => {
    const body = JSON.stringify({ access_token: "x".repeat(40), expires_in: 900 });
    const { result } = await refreshAgainst([
      { status: 200, headers: { "content-type": "text/plain" }, body },
    ]);
    const f = failure(result);
    expect(f.outcome).toBe("network");
    expect(f.message).toContain("got a text/plain body, not JSON (HTTP 200)");
    expect(f.attempts).toBe(1);
  });

  it("broken JSON and a 200 without expires_in are unavailable, not crashes", async () => {
    const broken = await refreshAgainst([
      { status: 200, headers: { "content-type": "application/json" }, body: "{oops" },
    ]);
    expect(failure(broken.result).message).toContain("says application/json but is not valid JSON");
    const noExpiry = await refreshAgainst([json(200, { access_token: mintAccessToken() })]);
    expect(failure(noExpiry.result).outcome).toBe("unavailable");
    expect(failure(noExpiry.result).message).toContain("expires_in");
  });

  it("a 404 HTML page: rejected, giving Red Hat's token endpoint", async () => {
    const { result } = await refreshAgainst([
      { status: 404, headers: { "content-type": "text/html" }, body: "<html>nope</html>" },
    ]);
    const f = failure(result);
    expect(f.outcome).toBe("rejected");
    expect(f.message).toContain("HTTP 404 with an HTML page");
    expect(f.message).toContain(
      "https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token",
    );
  });

  it("a refused connection: network at once (not transient), with the host", async () => {
    const sso = await startServer([keycloakOk("unused")]);
    await sso.close();
    const http = createHttp({ env: {} });
    onTestFinished(() => http.close()); // closed even when the refresh throws
    const result = await refreshOfflineToken({
      token: mintOfflineToken(),
      authUrl: sso.url,
      http,
      retry: RETRY,
      ...noWait(),
    });
    const f = failure(result);
    expect(f.outcome).toBe("network");
    expect(f.message).toContain(`could not reach Red Hat SSO at ${sso.origin}/auth/realms`);
    expect(f.message).toContain("connection refused");
    expect(f.attempts).toBe(1);
  });

  it("a private hub API token is refused before any request", async () => {
    const { result, sso } = await refreshAgainst([keycloakOk("unused")], { token: mintHubToken() });
    const f = failure(result);
    expect(f.outcome).toBe("rejected");
    expect(f.error.code).toBe("INVALID_TOKEN");
    expect(f.message).toContain("private automation hub API token");
    expect(f.attempts).toBe(0);
    expect(sso.requests).toHaveLength(0);
  });

  it("an AbortSignal cancels a request in flight with a CANCELLED error", async () => {
    const controller = new AbortController();
    // The server never answers; the abort comes once it has the request, so the request is in flight.
    const sso = await startServer(() => {
      controller.abort();
      return "hang";
    });
    const http = createHttp({ env: {} });
    onTestFinished(() => http.close()); // closed even when the expectation below fails
    const pending = refreshOfflineToken({
      token: mintOfflineToken(),
      authUrl: sso.url,
      http,
      clock: nodeClock,
      signal: controller.signal,
    });
    await expect(pending).rejects.toMatchObject({ code: "CANCELLED" });
    expect(sso.requests).toHaveLength(1);
  });
});
