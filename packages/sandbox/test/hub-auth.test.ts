import { fixedClock } from "@hub-setup/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/index.js";
import { basic, getWith, refreshGrant } from "./support/http.js";

let sandbox: Sandbox;
let access: string;
const clock = fixedClock("2026-03-01T00:00:00Z");

beforeAll(async () => {
  sandbox = await startSandbox({ clock });
  const reply = await refreshGrant(sandbox.urls.tokenEndpoint, sandbox.tokens.offline);
  access = (reply.json() as { access_token: string }).access_token;
});
afterAll(async () => {
  await sandbox.close();
});

const gateway = (detail: string) => ({ errors: [{ meta: { response_by: "gateway" }, status: 401, detail }] });
const notAuthenticated = {
  errors: [
    { code: "not_authenticated", status: "401", title: "Authentication credentials were not provided." },
  ],
};
const authFailed = (detail: string) => ({
  errors: [
    { detail, code: "authentication_failed", status: "401", title: "Incorrect authentication credentials." },
  ],
});

describe("cloud hub (console.redhat.com gateway)", () => {
  const url = () => sandbox.urls.cloud.published;

  it("accepts a valid Bearer access token on every repository", async () => {
    expect((await getWith(url(), `Bearer ${access}`)).status).toBe(200);
    expect((await getWith(sandbox.urls.cloud.validated, `Bearer ${access}`)).status).toBe(200);
  });

  it("refuses no credentials, the offline token itself, a hub token and Basic", async () => {
    expect((await getWith(url())).json()).toEqual(gateway("Authorization header is missing"));
    for (const auth of [
      `Bearer ${sandbox.tokens.offline}`,
      `Token ${sandbox.tokens.hub}`,
      basic("admin", "x"),
    ]) {
      const reply = await getWith(url(), auth);
      expect(reply.status).toBe(401);
      expect(JSON.stringify(reply.json())).toContain('"response_by":"gateway"');
    }
  });

  it("refuses an access token once its 900 s are up, with the gateway's expiry message", async () => {
    clock.advance(899_000);
    expect((await getWith(url(), `Bearer ${access}`)).status).toBe(200);
    clock.advance(1_000);
    const reply = await getWith(url(), `Bearer ${access}`);
    expect(reply.status).toBe(401);
    expect(reply.json()).toEqual(
      gateway("Invalid JWT token - 'exp' claim expired at 2026-03-01T00:15:00.000Z"),
    );
  });
});

describe("private hub (galaxy_ng)", () => {
  const url = () => sandbox.urls.private["rh-certified"];

  it("accepts the current token, with the Token keyword in any case", async () => {
    expect((await getWith(url(), `Token ${sandbox.tokens.hub}`)).status).toBe(200);
    expect((await getWith(url(), `token ${sandbox.tokens.hub}`)).status).toBe(200);
  });

  it("accepts the demo user over Basic, as galaxy_ng's BasicAuthentication does", async () => {
    expect((await getWith(url(), basic(sandbox.user.username, sandbox.user.password))).status).toBe(200);
    expect((await getWith(url(), basic(sandbox.user.username, "wrong"))).json()).toEqual(
      authFailed("Invalid username/password."),
    );
  });

  it("says not_authenticated when nothing it understands was sent (none, or Bearer)", async () => {
    for (const auth of [undefined, `Bearer ${access}`]) {
      const reply = await getWith(url(), auth);
      expect(reply.status).toBe(401);
      expect(reply.json()).toEqual(notAuthenticated);
    }
  });

  it("says authentication_failed for a wrong token, and DRF's words for a malformed header", async () => {
    expect((await getWith(url(), `Token ${"0".repeat(40)}`)).json()).toEqual(authFailed("Invalid token."));
    expect((await getWith(url(), "Token")).json()).toEqual(
      authFailed("Invalid token header. No credentials provided."),
    );
    expect((await getWith(url(), "Token a b")).json()).toEqual(
      authFailed("Invalid token header. Token string should not contain spaces."),
    );
    expect((await getWith(url(), "Basic %%%")).json()).toEqual(
      authFailed("Invalid basic header. Credentials not correctly base64 encoded."),
    );
  });

  it("answers an unknown URL 404 before authentication, an unknown repository 404 after it", async () => {
    expect((await getWith(`${sandbox.urls.base}api/galaxy/nowhere/`)).status).toBe(404);
    const repo = `${sandbox.urls.base}api/galaxy/content/certified/`;
    expect((await getWith(repo)).status).toBe(401);
    const found = await getWith(repo, `Token ${sandbox.tokens.hub}`);
    expect(found.status).toBe(404);
    expect(found.json()).toMatchObject({
      errors: [{ status: "404", code: "not_found", title: "Not found." }],
    });
  });

  it("has no galaxy_ng token endpoint under the cloud prefix", async () => {
    expect(
      (await getWith(`${sandbox.urls.base}api/automation-hub/v3/auth/token/`, `Bearer ${access}`)).status,
    ).toBe(404);
  });
});
