import { fixedClock } from "@hub-setup/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/index.js";
import { claimsOf, refreshGrant, send } from "./support/http.js";

const DAY = 86_400_000;
let sandbox: Sandbox;
const clock = fixedClock("2026-03-01T00:00:00Z");

beforeEach(async () => {
  clock.set("2026-03-01T00:00:00Z");
  sandbox = await startSandbox({ clock });
});
afterEach(async () => {
  await sandbox.close();
});

const grant = (token: string, clientId?: string) => refreshGrant(sandbox.urls.tokenEndpoint, token, clientId);
const invalidGrant = (description: string) => ({ error: "invalid_grant", error_description: description });

describe("offline tokens", () => {
  it("are HS256 JWTs shaped like Red Hat's: Keycloak header spacing, typ Offline, azp cloud-services, no exp", () => {
    const token = sandbox.tokens.offline;
    expect(token.startsWith("eyJhbGciOiJIUzI1NiIsInR5cCIgOiAiSldUIiwia2lkIiA6ICJ")).toBe(true);
    const claims = claimsOf(token);
    expect(claims).toMatchObject({
      iss: `${sandbox.urls.base}auth/realms/redhat-external`,
      aud: `${sandbox.urls.base}auth/realms/redhat-external`,
      typ: "Offline",
      azp: "cloud-services",
      iat: Date.parse("2026-03-01T00:00:00Z") / 1000,
    });
    expect(claims["scope"]).toContain("offline_access");
    expect(claims["sub"]).toMatch(/^f:[0-9a-f-]{36}:sandbox-user$/);
    expect(claims["sid"]).toBe(claims["session_state"]);
    expect(claims).not.toHaveProperty("exp");
  });

  it("minted with another client or user carry it in azp and sub", () => {
    const claims = claimsOf(sandbox.sso.mintOfflineToken({ clientId: "rhsm-api", username: "alice" }));
    expect(claims).toMatchObject({ azp: "rhsm-api" });
    expect(claims["sub"]).toMatch(/:alice$/);
  });
});

describe("the refresh_token grant", () => {
  it("answers like Keycloak: a 900 s Bearer access token, refresh_expires_in 0, no-store", async () => {
    const reply = await grant(sandbox.tokens.offline);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/json");
    expect(reply.headers.get("cache-control")).toBe("no-store");
    const body = reply.json() as Record<string, unknown>;
    expect(body).toMatchObject({
      expires_in: 900,
      refresh_expires_in: 0,
      token_type: "Bearer",
      "not-before-policy": 0,
    });
    const access = claimsOf(String(body["access_token"]));
    const now = Date.parse("2026-03-01T00:00:00Z") / 1000;
    expect(access).toMatchObject({ typ: "Bearer", azp: "cloud-services", iat: now, exp: now + 900 });
    expect(claimsOf(String(body["refresh_token"]))).toMatchObject({
      typ: "Offline",
      sid: claimsOf(sandbox.tokens.offline)["sid"],
    });
    expect(claimsOf(String(body["id_token"]))).toMatchObject({ typ: "ID", aud: "cloud-services" });
  });

  it("keeps an offline token alive while it is used at least every 30 days", async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(29 * DAY);
      expect((await grant(sandbox.tokens.offline)).status).toBe(200);
    }
    // 87 days after minting, and the rotated refresh_token works as well as the original.
    const rotated = (await grant(sandbox.tokens.offline)).json() as { refresh_token: string };
    expect((await grant(rotated.refresh_token)).status).toBe(200);
  });

  it("ends an offline session idle for more than 30 days (plus Keycloak's 120 s grace)", async () => {
    clock.advance(30 * DAY + 60_000);
    expect((await grant(sandbox.tokens.offline)).status).toBe(200);
    clock.advance(30 * DAY + 121_000);
    const expired = await grant(sandbox.tokens.offline);
    expect(expired.status).toBe(400);
    expect(expired.headers.get("cache-control")).toBe("no-store");
    // Caught before Keycloak's 15-minute cleanup: "not active"; from then on the session is gone.
    expect(expired.json()).toEqual(invalidGrant("Offline session not active"));
    expect((await grant(sandbox.tokens.offline)).json()).toEqual(
      invalidGrant("Offline user session not found"),
    );
  });

  it("after 31 idle days says what sso.redhat.com says: the offline session is not found", async () => {
    const token = sandbox.sso.mintOfflineToken();
    clock.advance(31 * DAY);
    const reply = await grant(token);
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual(invalidGrant("Offline user session not found"));
  });

  it("refuses a revoked offline token, and only that one", async () => {
    const other = sandbox.sso.mintOfflineToken();
    sandbox.sso.revoke(other);
    expect((await grant(other)).json()).toEqual(invalidGrant("Offline user session not found"));
    expect((await grant(sandbox.tokens.offline)).status).toBe(200);
  });

  it("revokes through Keycloak's revocation endpoint too", async () => {
    const token = sandbox.sso.mintOfflineToken();
    const reply = await send(sandbox.urls.tokenEndpoint.replace(/token$/, "revoke"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `token=${token}&client_id=cloud-services`,
    });
    expect(reply.status).toBe(200);
    expect((await grant(token)).json()).toEqual(invalidGrant("Offline user session not found"));
  });

  it("refuses a token issued to another client", async () => {
    const reply = await grant(sandbox.tokens.offline, "rhsm-api");
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual(
      invalidGrant("Invalid refresh token. Token client and authorized client don't match"),
    );
  });

  it("refuses garbage, a forged signature, an access token and a 40-hex hub token", async () => {
    const [h, p] = sandbox.tokens.offline.split(".");
    const access = ((await grant(sandbox.tokens.offline)).json() as { access_token: string }).access_token;
    for (const bad of ["not-a-token", `${h}.${p}.AAAA`, access, sandbox.tokens.hub]) {
      const reply = await grant(bad);
      expect(reply.status).toBe(400);
      expect(reply.json()).toEqual(invalidGrant("Invalid refresh token"));
    }
  });

  it("refuses an unknown client with 401 invalid_client", async () => {
    const reply = await grant(sandbox.tokens.offline, "no-such-client");
    expect(reply.status).toBe(401);
    expect(reply.json()).toEqual({
      error: "invalid_client",
      error_description: "Invalid client or Invalid client credentials",
    });
  });

  it("answers malformed requests with Keycloak's invalid_request / unsupported_grant_type", async () => {
    const post = (body: string) =>
      send(sandbox.urls.tokenEndpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
    expect((await post("client_id=cloud-services")).json()).toEqual({
      error: "invalid_request",
      error_description: "Missing form parameter: grant_type",
    });
    expect((await post("grant_type=password&client_id=cloud-services")).json()).toEqual({
      error: "unsupported_grant_type",
      error_description: "Unsupported grant_type",
    });
    expect((await post("grant_type=refresh_token&client_id=cloud-services")).json()).toEqual({
      error: "invalid_request",
      error_description: "Missing parameter: refresh_token",
    });
    expect((await send(sandbox.urls.tokenEndpoint)).status).toBe(405);
  });
});
