import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/index.js";
import { getWith, send } from "./support/http.js";

let sandbox: Sandbox;
let auth: string;
beforeAll(async () => {
  sandbox = await startSandbox();
  auth = `Token ${sandbox.tokens.hub}`;
});
afterAll(async () => {
  await sandbox.close();
});

const root = () => sandbox.urls.private["rh-certified"];
const getJson = async (url: string) => {
  const reply = await getWith(url, auth);
  expect(reply.status, url).toBe(200);
  return reply.json() as Record<string, unknown>;
};

it("lists what it serves", () => {
  expect(sandbox.collections).toEqual(["sandbox.demo", "sandbox.app"]);
});

it("serves the API root with available_versions, for each repository and the bare prefix", async () => {
  expect(await getJson(root())).toMatchObject({
    available_versions: { v3: "v3/" },
    distro_base_path: "rh-certified",
  });
  expect(await getJson(`${sandbox.urls.base}api/galaxy/`)).toMatchObject({ distro_base_path: "published" });
});

it("serves a collection with its highest version", async () => {
  const body = await getJson(`${root()}v3/collections/sandbox/demo/`);
  expect(body).toMatchObject({ namespace: "sandbox", name: "demo", highest_version: { version: "1.1.0" } });
});

it("pages the versions list with data/links/meta; links.next is relative to the host", async () => {
  const first = await getJson(`${root()}v3/collections/sandbox/demo/versions/?limit=1`);
  expect(first["meta"]).toEqual({ count: 2 });
  expect(first["data"]).toMatchObject([{ version: "1.1.0" }]);
  const next = (first["links"] as { next: string }).next;
  expect(next).toMatch(/^\/api\/galaxy\/content\/rh-certified\/v3\/collections\/sandbox\/demo\/versions\/\?/);
  const second = await getJson(new URL(next, sandbox.urls.base).href);
  expect(second["data"]).toMatchObject([{ version: "1.0.0" }]);
  expect((second["links"] as { next: unknown }).next).toBeNull();
});

it("gives a version detail with all seven fields ansible-galaxy requires and an absolute download_url", async () => {
  const body = await getJson(`${root()}v3/collections/sandbox/app/versions/1.0.0/`);
  expect(body).toMatchObject({
    namespace: { name: "sandbox" },
    collection: { name: "app" },
    version: "1.0.0",
    metadata: { dependencies: { "sandbox.demo": ">=1.0.0" } },
  });
  expect(typeof body["href"]).toBe("string");
  const downloadUrl = String(body["download_url"]);
  expect(downloadUrl).toBe(
    `${sandbox.urls.base}api/galaxy/v3/plugin/ansible/content/rh-certified/collections/artifacts/sandbox-app-1.0.0.tar.gz`,
  );
  const sha256 = (body["artifact"] as { sha256: string }).sha256;
  const artifact = await fetch(downloadUrl, {
    headers: { authorization: auth },
    signal: AbortSignal.timeout(10_000),
  });
  expect(artifact.status).toBe(200);
  const bytes = Buffer.from(await artifact.arrayBuffer());
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
});

it("builds download_url from the Host the client used", async () => {
  const url = `${root()}v3/collections/sandbox/demo/versions/1.0.0/`.replace("127.0.0.1", "localhost");
  const body = (await getWith(url, auth)).json() as { download_url: string };
  expect(body.download_url.startsWith(sandbox.urls.base.replace("127.0.0.1", "localhost"))).toBe(true);
});

it("requires credentials on the artifact download too", async () => {
  const detail = await getJson(`${root()}v3/collections/sandbox/demo/versions/1.0.0/`);
  expect((await send(String(detail["download_url"]))).status).toBe(401);
});

it("serves the same index under galaxy_ng's plugin path (the hrefs point there)", async () => {
  const detail = await getJson(`${root()}v3/collections/sandbox/demo/versions/1.0.0/`);
  const again = await getJson(new URL(String(detail["href"]), sandbox.urls.base).href);
  expect(again["version"]).toBe("1.0.0");
});

it("answers 404 for an unknown collection, version or artifact", async () => {
  for (const path of [
    "v3/collections/sandbox/nope/",
    "v3/collections/sandbox/nope/versions/",
    "v3/collections/sandbox/demo/versions/9.9.9/",
  ]) {
    expect((await getWith(`${root()}${path}`, auth)).status, path).toBe(404);
  }
  const artifact = `${sandbox.urls.base}api/galaxy/v3/plugin/ansible/content/published/collections/artifacts/x-y-1.0.0.tar.gz`;
  expect((await getWith(artifact, auth)).status).toBe(404);
});

it("serves custom collections given as an option", async () => {
  const custom = await startSandbox({
    collections: [{ namespace: "acme", name: "tools", version: "2.0.0" }],
  });
  try {
    expect(custom.collections).toEqual(["acme.tools"]);
    const reply = await getWith(
      `${custom.urls.private.published}v3/collections/acme/tools/versions/`,
      `Token ${custom.tokens.hub}`,
    );
    expect(reply.json()).toMatchObject({ data: [{ version: "2.0.0" }] });
  } finally {
    await custom.close();
  }
});

it("rejects a collection spec ansible-galaxy could not install", async () => {
  await expect(
    startSandbox({ collections: [{ namespace: "Acme", name: "tools", version: "2" }] }),
  ).rejects.toMatchObject({
    code: "USAGE",
  });
});
