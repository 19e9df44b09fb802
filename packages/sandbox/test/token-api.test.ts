import { afterEach, beforeEach, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/index.js";
import { basic, getWith, send } from "./support/http.js";

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

const content = () => sandbox.urls.private.published;
const post = (authorization?: string) =>
  send(sandbox.urls.privateTokenEndpoint, {
    method: "POST",
    ...(authorization === undefined ? {} : { headers: { authorization } }),
  });

it("POST with Basic returns a new 40-hex token and the previous one stops working", async () => {
  const old = sandbox.tokens.hub;
  const reply = await post(basic(sandbox.user.username, sandbox.user.password));
  expect(reply.status).toBe(200);
  const { token } = reply.json() as { token: string };
  expect(token).toMatch(/^[0-9a-f]{40}$/);
  expect(token).not.toBe(old);
  expect(sandbox.tokens.hub).toBe(token);
  expect((await getWith(content(), `Token ${old}`)).status).toBe(401);
  expect((await getWith(content(), `Token ${token}`)).status).toBe(200);
});

it("POST with the current token also regenerates it", async () => {
  const old = sandbox.tokens.hub;
  const { token } = (await post(`Token ${old}`)).json() as { token: string };
  expect(token).not.toBe(old);
  expect((await post(`Token ${old}`)).status).toBe(401);
});

it("refuses an unauthenticated POST in galaxy_ng's shape", async () => {
  const reply = await post();
  expect(reply.status).toBe(401);
  expect(reply.json()).toMatchObject({ errors: [{ code: "not_authenticated" }] });
});

it("DELETE removes the token: 204, and nothing works until the next Load token", async () => {
  const old = sandbox.tokens.hub;
  const reply = await send(sandbox.urls.privateTokenEndpoint, {
    method: "DELETE",
    headers: { authorization: `Token ${old}` },
  });
  expect(reply.status).toBe(204);
  expect((await getWith(content(), `Token ${old}`)).status).toBe(401);
  const fresh = sandbox.hub.loadToken();
  expect((await getWith(content(), `Token ${fresh}`)).status).toBe(200);
});

it("has no GET: a token is shown only once", async () => {
  const reply = await getWith(sandbox.urls.privateTokenEndpoint, `Token ${sandbox.tokens.hub}`);
  expect(reply.status).toBe(405);
});

it("hub.loadToken() is the UI's Load token: a new token each time, only the newest valid", async () => {
  const first = sandbox.hub.loadToken();
  const second = sandbox.hub.loadToken();
  expect(second).not.toBe(first);
  expect((await getWith(content(), `Token ${first}`)).status).toBe(401);
  expect((await getWith(content(), `Token ${second}`)).status).toBe(200);
});
