import { expect, it, onTestFinished } from "vitest";
import { startSandbox, type Sandbox, type SandboxOptions } from "../src/index.js";
import {
  adminBasic,
  controllerClient,
  createGalaxyCredential,
  galaxyTypeId,
  type ControllerClient,
} from "./support/controller.js";
import { basic, getWith, send } from "./support/http.js";

const NOT_PROVIDED =
  "Authentication credentials were not provided. To establish a login session, visit /api/login/.";
const DENIED = "You do not have permission to perform this action.";

async function started(options: SandboxOptions = {}): Promise<{ sandbox: Sandbox; api: ControllerClient }> {
  const sandbox = await startSandbox(options);
  onTestFinished(() => sandbox.close());
  return { sandbox, api: controllerClient(sandbox) };
}

type List = {
  count: number;
  next: string | null;
  previous: string | null;
  results: Record<string, unknown>[];
};
const list = (text: string) => JSON.parse(text) as List;

it("ping and the API root answer without credentials; every answer names the product", async () => {
  const { sandbox } = await started();
  const anon = controllerClient(sandbox, "/api/v2/", null);
  const ping = await anon.get("ping/");
  expect(ping.status).toBe(200);
  expect(ping.json()).toMatchObject({ version: "24.6.1", ha: false });
  expect(ping.headers.get("x-api-product-name")).toBe("AWX");
  const root = await anon.get("");
  expect(root.json()).toMatchObject({
    credentials: "/api/v2/credentials/",
    credential_types: "/api/v2/credential_types/",
    me: "/api/v2/me/",
  });
});

it("an unknown path is a 404 before authentication; a missing object is DRF's 404 after it", async () => {
  const { sandbox, api } = await started();
  const anon = controllerClient(sandbox, "/api/v2/", null);
  for (const path of ["nothing/", "credentials/abc/", "credentials/1", "credentials/1/nothing/"]) {
    const res = await anon.get(path);
    expect([path, res.status, res.json()]).toEqual([
      path,
      404,
      { detail: "The requested resource could not be found." },
    ]);
  }
  expect((await anon.get("credentials/999/")).status).toBe(401);
  const missing = await api.get("credentials/999/");
  expect([missing.status, missing.json()]).toEqual([
    404,
    { detail: "No Credential matches the given query." },
  ]);
  expect((await api.get("organizations/42/galaxy_credentials/")).json()).toEqual({
    detail: "No Organization matches the given query.",
  });
  expect((await api.get("project_updates/7/")).status).toBe(404);
});

it("401s: no credentials, an unknown Bearer token, another scheme, a wrong password, a bad Basic header", async () => {
  const { sandbox } = await started();
  const cases: [string | null, string][] = [
    [null, NOT_PROVIDED],
    ["Bearer notatoken", NOT_PROVIDED],
    [`Token ${sandbox.controller.oauthToken}`, NOT_PROVIDED],
    [basic("admin", "wrong"), "Invalid username/password. To establish a login session, visit /api/login/."],
    [
      basic("nobody", sandbox.controller.user.password),
      "Invalid username/password. To establish a login session, visit /api/login/.",
    ],
    [
      "Basic",
      "Invalid basic header. No credentials provided. To establish a login session, visit /api/login/.",
    ],
    [
      "Basic a b",
      "Invalid basic header. Credentials string should not contain spaces. To establish a login session, visit /api/login/.",
    ],
    [
      "Basic %%%",
      "Invalid basic header. Credentials not correctly base64 encoded. To establish a login session, visit /api/login/.",
    ],
  ];
  for (const [authorization, text] of cases) {
    const res = await controllerClient(sandbox, "/api/v2/", authorization).get("credentials/");
    expect([authorization?.split(" ")[0], res.status, res.json()]).toEqual([
      authorization?.split(" ")[0],
      401,
      { detail: text },
    ]);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="api"');
  }
  // The request log keeps only redacted forms of what was presented.
  expect(JSON.stringify(sandbox.log.entries())).not.toContain(sandbox.controller.oauthToken);
});

it("Bearer token and Basic user both authenticate; /me/ says who", async () => {
  const { sandbox, api } = await started();
  const viaBasic = controllerClient(sandbox, "/api/v2/", adminBasic(sandbox));
  for (const client of [api, viaBasic]) {
    const me = list((await client.get("me/")).text);
    expect(me.count).toBe(1);
    expect(me.results[0]).toMatchObject({ username: "admin", is_superuser: true, type: "user" });
  }
  const auditor = sandbox.controller.readOnlyUser;
  const viaAuditor = controllerClient(sandbox, "/api/v2/", `Bearer ${auditor.oauthToken}`);
  expect(list((await viaAuditor.get("me/")).text).results[0]).toMatchObject({
    username: auditor.username,
    is_system_auditor: true,
    is_superuser: false,
  });
  const log = sandbox.log.entries().filter((e) => e.path === "/api/v2/me/");
  expect(log.map((e) => [e.credential, e.status])).toEqual([
    ["bearer", 200],
    ["basic", 200],
    ["bearer", 200],
  ]);
});

it("the read-only user reads everything and gets 403 on every write", async () => {
  const { sandbox, api } = await started();
  const id = await createGalaxyCredential(sandbox, api, "hub", { url: sandbox.urls.cloud.published });
  const auditor = sandbox.controller.readOnlyUser;
  for (const ro of [
    controllerClient(sandbox, "/api/v2/", `Bearer ${auditor.oauthToken}`),
    controllerClient(sandbox, "/api/v2/", basic(auditor.username, auditor.password)),
  ]) {
    expect((await ro.get(`credentials/${id}/`)).status).toBe(200);
    expect((await ro.get("organizations/1/galaxy_credentials/")).status).toBe(200);
    const writes = [
      await ro.post("credentials/", {
        name: "x",
        organization: 1,
        credential_type: 18,
        inputs: { url: "u" },
      }),
      await ro.patch(`credentials/${id}/`, { name: "renamed" }),
      await ro.del(`credentials/${id}/`),
      await ro.post("organizations/1/galaxy_credentials/", { id }),
      await ro.post(`projects/${sandbox.controller.project.id}/update/`),
    ];
    expect(writes.map((r) => [r.status, r.json()])).toEqual(writes.map(() => [403, { detail: DENIED }]));
  }
  expect(sandbox.controller.credentials().find((c) => c.id === id)?.name).toBe("hub");
  expect(sandbox.controller.galaxyCredentials()).toEqual([]);
  expect(sandbox.controller.projectUpdates()).toEqual([]);
});

it("credential types: the Galaxy type by namespace or kind, with AWX's inputs", async () => {
  const { api } = await started();
  const byNamespace = list((await api.get("credential_types/?namespace=galaxy_api_token")).text);
  const byKind = list((await api.get("credential_types/?kind=galaxy")).text);
  expect(byNamespace.count).toBe(1);
  expect(byKind.results).toEqual(byNamespace.results);
  const type = byNamespace.results[0] as { id: number; inputs: unknown };
  expect(type).toMatchObject({
    name: "Ansible Galaxy/Automation Hub API Token",
    kind: "galaxy",
    namespace: "galaxy_api_token",
    managed: true,
    url: `/api/v2/credential_types/${type.id}/`,
  });
  expect(type.inputs).toMatchObject({
    fields: [
      { id: "url", type: "string" },
      { id: "auth_url", type: "string" },
      { id: "token", type: "string", secret: true },
    ],
    required: ["url"],
  });
  expect((await api.get(`credential_types/${type.id}/`)).json()).toEqual(type);
  expect(list((await api.get("credential_types/")).text).count).toBeGreaterThan(1);
  expect(list((await api.get("credential_types/?namespace=nothing")).text).count).toBe(0);
  expect((await api.del(`credential_types/${type.id}/`)).json()).toEqual({
    detail: 'Method "DELETE" not allowed.',
  });
});

it("a created credential reads its token back as $encrypted$ and can be found by name and type", async () => {
  const { sandbox, api } = await started();
  const typeId = await galaxyTypeId(api);
  const res = await api.post("credentials/", {
    name: "Automation Hub",
    organization: 1,
    credential_type: typeId,
    inputs: {
      url: sandbox.urls.cloud.published,
      auth_url: sandbox.urls.tokenEndpoint,
      token: sandbox.tokens.offline,
    },
  });
  expect(res.status).toBe(201);
  expect(res.text).not.toContain(sandbox.tokens.offline);
  const body = res.json() as { id: number; url: string; inputs: unknown; kind: string; organization: number };
  expect(res.headers.get("location")).toBe(`/api/v2/credentials/${body.id}/`);
  expect(body).toMatchObject({
    url: `/api/v2/credentials/${body.id}/`,
    kind: "galaxy_api_token",
    organization: 1,
  });
  expect(body.inputs).toEqual({
    url: sandbox.urls.cloud.published,
    auth_url: sandbox.urls.tokenEndpoint,
    token: "$encrypted$",
  });
  const found = await api.get(
    `credentials/?name=${encodeURIComponent("Automation Hub")}&credential_type=${typeId}`,
  );
  expect(list(found.text).results.map((c) => c["id"])).toEqual([body.id]);
  expect(found.text).not.toContain(sandbox.tokens.offline);
  expect(list((await api.get(`credentials/?name=Other&credential_type=${typeId}`)).text).count).toBe(0);
  expect(list((await api.get("credentials/?credential_type__namespace=galaxy_api_token")).text).count).toBe(
    2,
  );
  // The stored value is the real token (what a project update injects).
  expect(sandbox.controller.credentials().find((c) => c.id === body.id)?.inputs["token"]).toBe(
    sandbox.tokens.offline,
  );
});

it("create refuses with DRF's field errors, the owner rule, AWX's input rules and the unique rule", async () => {
  const { sandbox, api } = await started();
  const cases: [unknown, unknown][] = [
    [{}, { name: ["This field is required."], credential_type: ["This field is required."] }],
    [
      { name: "", credential_type: 999 },
      {
        name: ["This field may not be blank."],
        credential_type: ['Invalid pk "999" - object does not exist.'],
      },
    ],
    [
      { name: "x", credential_type: true, organization: 7 },
      {
        credential_type: ["Incorrect type. Expected pk value, received bool."],
        organization: ['Invalid pk "7" - object does not exist.'],
      },
    ],
    [
      { name: "x", credential_type: 18, inputs: { url: "u" } },
      { detail: "Missing 'user', 'team', or 'organization'." },
    ],
    [
      { name: "x", credential_type: 18, organization: 1, inputs: {} },
      { inputs: { url: ["required for Ansible Galaxy/Automation Hub API Token"] } },
    ],
    [
      { name: "x", credential_type: 18, organization: 1, inputs: { url: "" } },
      { inputs: { url: ["required for Ansible Galaxy/Automation Hub API Token"] } },
    ],
    [
      { name: "x", credential_type: 18, organization: 1, inputs: { url: "u", password: "p" } },
      { inputs: ["Additional properties are not allowed ('password' was unexpected)"] },
    ],
    [
      { name: "x", credential_type: 18, organization: 1, inputs: { url: "u", token: 5 } },
      { inputs: { token: ["5 is not of type 'string'"] } },
    ],
    [
      { name: "x", credential_type: 18, organization: 1, inputs: "a-token-like-string" },
      { inputs: ["'…' is not of type 'object'"] },
    ],
  ];
  for (const [body, errors] of cases) {
    const res = await api.post("credentials/", body);
    expect([body, res.status, res.json()]).toEqual([body, 400, errors]);
  }
  expect((await api.post("credentials/", ["a list"])).json()).toEqual({
    non_field_errors: ["Invalid data. Expected a dictionary, but got list."],
  });
  // Malformed JSON is refused without quoting the body back (it may hold a token).
  const malformed = await send(`${sandbox.urls.base}api/v2/credentials/`, {
    method: "POST",
    headers: { authorization: `Bearer ${sandbox.controller.oauthToken}`, "content-type": "application/json" },
    body: '{"inputs": {"token": "secret-token-0123456789"',
  });
  expect([malformed.status, malformed.json()]).toEqual([
    400,
    { detail: "JSON parse error - the request body is not valid JSON" },
  ]);
  await createGalaxyCredential(sandbox, api, "twice", { url: "u" });
  const again = await api.post("credentials/", {
    name: "twice",
    credential_type: 18,
    organization: 1,
    inputs: { url: "v" },
  });
  expect([again.status, again.json()]).toEqual([
    400,
    { __all__: ["Credential with this Organization, Name and Credential type already exists."] },
  ]);
  // A string id is accepted as a pk, as DRF does.
  expect(
    (
      await api.post("credentials/", {
        name: "by-string",
        credential_type: "18",
        organization: "1",
        inputs: { url: "u" },
      })
    ).status,
  ).toBe(201);
  expect(sandbox.controller.credentials().map((c) => c.name)).toEqual([
    "Ansible Galaxy",
    "twice",
    "by-string",
  ]);
});

it("PATCH replaces inputs as a whole: $encrypted$ keeps the stored token, leaving it out drops it", async () => {
  const { sandbox, api } = await started();
  const url = sandbox.urls.private["rh-certified"];
  const id = await createGalaxyCredential(sandbox, api, "pah", { url, token: "first-token-0123456789" });
  const stored = () => sandbox.controller.credentials().find((c) => c.id === id)?.inputs;

  const renamed = await api.patch(`credentials/${id}/`, { name: "pah (renamed)" });
  expect(renamed.status).toBe(200);
  expect(stored()).toEqual({ url, token: "first-token-0123456789" });

  const kept = await api.patch(`credentials/${id}/`, { inputs: { url: `${url}v2/`, token: "$encrypted$" } });
  expect((kept.json() as { inputs: unknown }).inputs).toEqual({ url: `${url}v2/`, token: "$encrypted$" });
  expect(stored()).toEqual({ url: `${url}v2/`, token: "first-token-0123456789" });

  const replaced = await api.patch(`credentials/${id}/`, {
    inputs: { url, token: "second-token-0123456789" },
  });
  expect(replaced.status).toBe(200);
  expect(stored()).toEqual({ url, token: "second-token-0123456789" });

  const tokenOnly = await api.patch(`credentials/${id}/`, { inputs: { token: "third-token-0123456789" } });
  expect([tokenOnly.status, tokenOnly.json()]).toEqual([
    400,
    { inputs: { url: ["required for Ansible Galaxy/Automation Hub API Token"] } },
  ]);
  expect(stored()).toEqual({ url, token: "second-token-0123456789" });

  const emptied = await api.patch(`credentials/${id}/`, { inputs: { url, token: "" } });
  expect((emptied.json() as { inputs: unknown }).inputs).toEqual({ url });
  expect(stored()).toEqual({ url });
  await api.patch(`credentials/${id}/`, { inputs: { url, token: "second-token-0123456789" } });

  const urlOnly = await api.patch(`credentials/${id}/`, { inputs: { url } });
  expect((urlOnly.json() as { inputs: unknown }).inputs).toEqual({ url });
  expect(stored()).toEqual({ url });

  const put = await api.put(`credentials/${id}/`, { inputs: { url } });
  expect([put.status, put.json()]).toEqual([
    400,
    { name: ["This field is required."], credential_type: ["This field is required."] },
  ]);
  const managed = await api.patch("credentials/1/", { inputs: { url: "https://example.invalid/" } });
  expect([managed.status, managed.json()]).toEqual([
    403,
    { detail: "Modifications not allowed for managed credentials" },
  ]);
  expect((await api.get(`credentials/${id}/`)).json()).toMatchObject({ name: "pah (renamed)" });
});

it("lists are AWX pages: 25 by default, page_size up to 200, host-relative next/previous, Invalid page", async () => {
  const { sandbox, api } = await started();
  for (let i = 1; i <= 30; i += 1) {
    await createGalaxyCredential(sandbox, api, `cred-${String(i).padStart(2, "0")}`, { url: "u" });
  }
  const first = list((await api.get("credentials/")).text);
  expect([first.count, first.results.length, first.next, first.previous]).toEqual([
    31,
    25,
    "/api/v2/credentials/?page=2",
    null,
  ]);
  // AWX orders credentials by name.
  expect(first.results[0]?.["name"]).toBe("Ansible Galaxy");
  expect(first.results[1]?.["name"]).toBe("cred-01");
  const second = list((await api.get(first.next ?? "")).text);
  expect([second.results.length, second.next, second.previous]).toEqual([
    6,
    null,
    "/api/v2/credentials/?page=1",
  ]);
  expect(second.results.at(-1)?.["name"]).toBe("cred-30");

  const sized = list((await api.get("credentials/?page_size=10&page=2&credential_type=18")).text);
  expect([sized.count, sized.results.length, sized.next, sized.previous]).toEqual([
    31,
    10,
    "/api/v2/credentials/?credential_type=18&page=3&page_size=10",
    "/api/v2/credentials/?credential_type=18&page=1&page_size=10",
  ]);
  expect(list((await api.get("credentials/?page_size=500")).text).results.length).toBe(31);
  expect(list((await api.get("credentials/?page=last&page_size=30")).text).results.length).toBe(1);
  for (const page of ["3", "0", "x"]) {
    const res = await api.get(`credentials/?page=${page}`);
    expect([page, res.status, res.json()]).toEqual([page, 404, { detail: "Invalid page." }]);
  }
});

it("an organisation's Galaxy credentials keep their association order; AWX's attach rules apply", async () => {
  const { sandbox, api } = await started();
  const [a, b, c] = [
    await createGalaxyCredential(sandbox, api, "A", { url: "https://a.invalid/" }),
    await createGalaxyCredential(sandbox, api, "B", { url: "https://b.invalid/" }),
    await createGalaxyCredential(sandbox, api, "C", { url: "https://c.invalid/" }),
  ];
  const path = "organizations/1/galaxy_credentials/";
  const ids = async () => list((await api.get(path)).text).results.map((r) => r["id"]);
  for (const id of [c, a, b]) {
    const res = await api.post(path, { id });
    expect([res.status, res.text]).toEqual([204, ""]);
  }
  expect(await ids()).toEqual([c, a, b]);
  expect((await api.post(path, { id: a })).status).toBe(204);
  expect(await ids()).toEqual([c, a, b]);
  expect((await api.post(path, { id: a, disassociate: true })).status).toBe(204);
  expect(await ids()).toEqual([c, b]);
  await api.post(path, { id: a });
  expect(await ids()).toEqual([c, b, a]);
  expect(sandbox.controller.galaxyCredentials()).toEqual([c, b, a]);

  const machine = await api.post("credentials/", {
    name: "ssh",
    credential_type: 1,
    organization: 1,
    inputs: {},
  });
  const machineId = (machine.json() as { id: number }).id;
  const refusals: [unknown, unknown][] = [
    [{}, { msg: "Credential 'id' field is missing." }],
    [{ id: "2" }, { msg: '"id" field must be an integer.' }],
    [{ id: 999 }, { detail: "Credential matching query does not exist." }],
    [{ id: machineId }, { msg: "Credential must be a Galaxy credential, not Machine." }],
  ];
  for (const [body, answer] of refusals) {
    const res = await api.post(path, body);
    expect([body, res.status, res.json()]).toEqual([body, 400, answer]);
  }
  expect(await ids()).toEqual([c, b, a]);
  expect((await api.post("organizations/9/galaxy_credentials/", { id: a })).status).toBe(404);

  expect((await api.del(`credentials/${b}/`)).status).toBe(204);
  expect(await ids()).toEqual([c, a]);
  const org = list((await api.get("organizations/?name=Default")).text);
  expect(org.results[0]).toMatchObject({
    id: 1,
    related: { galaxy_credentials: "/api/v2/organizations/1/galaxy_credentials/" },
  });
});

it("behind the gateway root every URL it returns is under /api/controller/v2/", async () => {
  const { sandbox } = await started();
  const gw = controllerClient(sandbox, "/api/controller/v2/");
  const id = await createGalaxyCredential(sandbox, gw, "gw", { url: sandbox.urls.cloud.published });
  const cred = (await gw.get(`credentials/${id}/`)).json();
  expect(cred).toMatchObject({ url: `/api/controller/v2/credentials/${id}/` });
  expect((await gw.post("organizations/1/galaxy_credentials/", { id })).status).toBe(204);
  const page = list((await gw.get("credentials/?page_size=1")).text);
  expect(page.next).toBe("/api/controller/v2/credentials/?page=2&page_size=1");
  // The same objects are visible on /api/v2/ when both roots are served.
  expect(
    list((await controllerClient(sandbox).get("organizations/1/galaxy_credentials/")).text).results.map(
      (r) => r["id"],
    ),
  ).toEqual([id]);
  expect(sandbox.controller.apiRoots).toEqual([
    `${sandbox.urls.base}api/v2/`,
    `${sandbox.urls.base}api/controller/v2/`,
  ]);
  expect(sandbox.controller.gatewayUrl).toBe(sandbox.urls.base);
  expect((await getWith(`${sandbox.urls.base}api/controller/v2/ping/`)).status).toBe(200);
});
