import { afterAll, beforeAll, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/index.js";
import { basic, getWith, refreshGrant } from "./support/http.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

it("records method, path, status and the credential kind, redacted, in arrival order", async () => {
  sandbox.log.clear();
  const { access_token } = (
    await refreshGrant(sandbox.urls.tokenEndpoint, sandbox.tokens.offline)
  ).json() as {
    access_token: string;
  };
  await getWith(sandbox.urls.cloud.published, `Bearer ${access_token}`);
  await getWith(sandbox.urls.private.published, `Token ${sandbox.tokens.hub}`);
  await getWith(sandbox.urls.private.published, basic(sandbox.user.username, sandbox.user.password));
  await getWith(sandbox.urls.private.published);

  const entries = sandbox.log.entries();
  expect(entries.map((e) => [e.method, e.status, e.credential])).toEqual([
    ["POST", 200, "refresh-grant"],
    ["GET", 200, "bearer"],
    ["GET", 200, "token"],
    ["GET", 200, "basic"],
    ["GET", 401, "none"],
  ]);
  expect(entries[0]).toMatchObject({
    path: "/auth/realms/redhat-external/protocol/openid-connect/token",
    clientId: "cloud-services",
  });
  expect(entries[0]?.redacted).toMatch(/^refresh token eyJh….{4} \(\d+ chars\)$/);
  expect(entries[2]?.redacted).toBe(
    `token ${sandbox.tokens.hub.slice(0, 4)}…${sandbox.tokens.hub.slice(-4)} (40 chars)`,
  );
  expect(entries[3]?.redacted).toMatch(/^basic admin:password \(\d+ chars\)$/);
  expect(entries[4]).not.toHaveProperty("redacted");

  const text = JSON.stringify(entries);
  for (const secret of [sandbox.tokens.offline, access_token, sandbox.tokens.hub, sandbox.user.password]) {
    expect(text).not.toContain(secret);
  }
});

it("returns copies, and clear() empties it", async () => {
  await getWith(sandbox.urls.private.published);
  const entries = sandbox.log.entries();
  entries.length = 0;
  expect(sandbox.log.entries().length).toBeGreaterThan(0);
  sandbox.log.clear();
  expect(sandbox.log.entries()).toEqual([]);
});
