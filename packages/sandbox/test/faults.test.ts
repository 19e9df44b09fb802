import { afterEach, beforeEach, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/index.js";
import { getWith, refreshGrant } from "./support/http.js";

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

const grant = () => refreshGrant(sandbox.urls.tokenEndpoint, sandbox.tokens.offline);
const hubGet = () => getWith(sandbox.urls.private.published, `Token ${sandbox.tokens.hub}`);

it("answers 5xx on SSO only, N times, then recovers", async () => {
  sandbox.faults.set({ serverError: { target: "sso", status: 502, times: 2 } });
  const first = await grant();
  expect(first.status).toBe(502);
  expect(first.headers.get("content-type")).toBe("text/html");
  expect((await hubGet()).status).toBe(200);
  expect((await grant()).status).toBe(502);
  expect((await grant()).status).toBe(200);
});

it("answers a hub 500 in galaxy_ng's JSON shape until cleared", async () => {
  sandbox.faults.set({ serverError: { target: "hub", status: 500 } });
  for (let i = 0; i < 3; i++) {
    const reply = await hubGet();
    expect(reply.status).toBe(500);
    expect(reply.json()).toMatchObject({ errors: [{ status: "500", code: "server_error" }] });
  }
  expect((await grant()).status).toBe(200);
  sandbox.faults.clear();
  expect((await hubGet()).status).toBe(200);
});

it("takes faults at start-up too", async () => {
  const faulty = await startSandbox({ faults: { serverError: { target: "all", times: 1 } } });
  try {
    expect((await getWith(faulty.urls.private.published, `Token ${faulty.tokens.hub}`)).status).toBe(503);
    expect((await getWith(faulty.urls.private.published, `Token ${faulty.tokens.hub}`)).status).toBe(200);
  } finally {
    await faulty.close();
  }
});

it("drops the connection without an answer, and logs status 0", async () => {
  sandbox.faults.set({ drop: { target: "private", times: 1 } });
  await expect(hubGet()).rejects.toThrow();
  expect(sandbox.log.entries().at(-1)).toMatchObject({ path: "/api/galaxy/content/published/", status: 0 });
  expect((await hubGet()).status).toBe(200);
});

it("delays answers: a short delay still answers; a long one is still pending when the sandbox closes", async () => {
  sandbox.faults.set({ delay: { target: "sso", ms: 20, times: 1 } });
  expect((await grant()).status).toBe(200);

  sandbox.faults.set({ delay: { target: "hub", ms: 600_000 } });
  const pending = hubGet();
  await waitFor(() => sandbox.log.entries().some((e) => e.path === "/api/galaxy/content/published/"));
  expect(sandbox.log.entries().at(-1)).toMatchObject({ status: 0 });
  // close() clears the timer and ends the connection: the request fails instead of hanging.
  await sandbox.close();
  await expect(pending).rejects.toThrow();
});

it("answers the artifact download with a 401 while everything else works", async () => {
  sandbox.faults.set({ downloadUnauthorized: { times: 1 } });
  const detail = (
    await getWith(
      `${sandbox.urls.private.published}v3/collections/sandbox/demo/versions/1.0.0/`,
      `Token ${sandbox.tokens.hub}`,
    )
  ).json() as { download_url: string };
  const refused = await getWith(detail.download_url, `Token ${sandbox.tokens.hub}`);
  expect(refused.status).toBe(401);
  expect(refused.json()).toMatchObject({
    errors: [{ code: "authentication_failed", detail: "Invalid token." }],
  });
  expect((await getWith(detail.download_url, `Token ${sandbox.tokens.hub}`)).status).toBe(200);
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
