import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { redactValue } from "@hub-setup/core";
import { tempDir } from "@hub-setup/test-utils";
import { expect, it, onTestFinished } from "vitest";
import { startSandbox, type Sandbox, type SandboxOptions } from "../src/index.js";
import { controllerClient, createGalaxyCredential, runProjectUpdate } from "./support/controller.js";
import { getWith } from "./support/http.js";

/**
 * Project updates with a stand-in for ansible-galaxy (a shell script), so that the environment, the
 * arguments, the folder and the outcomes can be checked exactly without ansible installed. The real
 * client is in e2e.controller.test.ts.
 */
function fakeGalaxy(body: string): string {
  const path = join(tempDir(), "fake-ansible-galaxy");
  writeFileSync(path, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return path;
}

const REPORT = [
  'echo "args: $*"',
  'echo "cwd: $(pwd)"',
  'echo "home: $HOME"',
  "env | grep -E '^(ANSIBLE_|PROJECT_UPDATE_ID=)' | sort",
  'echo "project: $(ls -A)"',
  'echo "config: [$(cat "$ANSIBLE_CONFIG")]"',
].join("\n");

async function started(options: SandboxOptions): Promise<Sandbox> {
  const sandbox = await startSandbox(options);
  onTestFinished(() => sandbox.close());
  return sandbox;
}

/** A project update runs the client only when the organisation has a Galaxy credential. */
async function withGalaxyCredential(sandbox: Sandbox): Promise<Sandbox> {
  const api = controllerClient(sandbox);
  const id = await createGalaxyCredential(sandbox, api, "hub", { url: sandbox.urls.cloud.published });
  await api.post("organizations/1/galaxy_credentials/", { id });
  return sandbox;
}

it("injects the organisation's Galaxy credentials as AWX's build_env does, in order, and redacts tokens", async () => {
  const sandbox = await started({ controller: { galaxyCommand: fakeGalaxy(REPORT) } });
  const api = controllerClient(sandbox);
  const token = "an-offline-token-that-must-not-leak-0123456789";
  const urlOnly = await createGalaxyCredential(sandbox, api, "public", { url: "https://a.invalid/api/" });
  const full = await createGalaxyCredential(sandbox, api, "certified", {
    url: sandbox.urls.cloud.published,
    auth_url: sandbox.urls.tokenEndpoint,
    token,
  });
  const empty = await createGalaxyCredential(sandbox, api, "empty", { url: "https://b.invalid/", token: "" });
  for (const id of [full, urlOnly, empty]) await api.post("organizations/1/galaxy_credentials/", { id });

  const run = await runProjectUpdate(sandbox, api);

  expect(run.detail.json()).toMatchObject({ status: "successful", failed: false, project: 1 });
  const out = run.stdout.text;
  expect(run.stdout.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  const env = out.split("\n").filter((l) => l.startsWith("ANSIBLE_GALAXY_SERVER"));
  expect(env).toEqual([
    "ANSIBLE_GALAXY_SERVER_LIST=server0,server1,server2",
    `ANSIBLE_GALAXY_SERVER_SERVER0_AUTH_URL=${sandbox.urls.tokenEndpoint}`,
    `ANSIBLE_GALAXY_SERVER_SERVER0_TOKEN=${redactValue(token, "token")}`,
    `ANSIBLE_GALAXY_SERVER_SERVER0_URL=${sandbox.urls.cloud.published}`,
    "ANSIBLE_GALAXY_SERVER_SERVER1_URL=https://a.invalid/api/",
    "ANSIBLE_GALAXY_SERVER_SERVER2_URL=https://b.invalid/",
  ]);
  expect(out).toMatch(
    /^args: collection install -r \S+\/project\/collections\/requirements\.yml --collections-path \S+\/stage\/requirements_collections$/m,
  );
  expect(out).toMatch(/^cwd: \S+\/project$/m);
  expect(out).toMatch(/^home: \S+\/home$/m);
  expect(out).toContain("project: collections\n");
  expect(out).toContain("config: []\n");
  expect(out).toContain("ANSIBLE_FORCE_COLOR=False\n");
  expect(out).toContain(`PROJECT_UPDATE_ID=${run.id}\n`);
  // The token is in no answer and in nothing the sandbox keeps, except the credential itself.
  for (const text of [
    out,
    run.detail.text,
    run.start.text,
    JSON.stringify(sandbox.controller.projectUpdates()),
  ]) {
    expect(text).not.toContain(token);
  }
  expect(readFileSync(join(sandbox.stateDir, "controller-state.json"), "utf8").split(token).length).toBe(2);
  const jobEnv = (run.detail.json() as { job_env: Record<string, string> }).job_env;
  expect(jobEnv).toMatchObject({
    ANSIBLE_GALAXY_SERVER_LIST: "server0,server1,server2",
    ANSIBLE_GALAXY_SERVER_SERVER0_URL: sandbox.urls.cloud.published,
    ANSIBLE_GALAXY_SERVER_SERVER0_AUTH_URL: sandbox.urls.tokenEndpoint,
    ANSIBLE_GALAXY_SERVER_SERVER0_TOKEN: "**********",
  });
  expect(Object.keys(jobEnv).filter((k) => k.startsWith("ANSIBLE_GALAXY_SERVER_SERVER1"))).toEqual([
    "ANSIBLE_GALAXY_SERVER_SERVER1_URL",
  ]);
  const json = (await api.get(`project_updates/${run.id}/stdout/?format=json`)).json() as { content: string };
  expect(json.content).toBe(out);
  expect((await api.get(`project_updates/${run.id}/stdout/`)).json()).toEqual(json);
  const project = (await api.get("projects/1/")).json();
  expect(project).toMatchObject({
    status: "successful",
    related: { last_update: `/api/v2/project_updates/${run.id}/` },
  });
});

it("without Galaxy credentials the install step is skipped, as AWX does (no galaxy.ansible.com fallback)", async () => {
  const sandbox = await started({ controller: { galaxyCommand: fakeGalaxy(REPORT) } });
  const run = await runProjectUpdate(sandbox, controllerClient(sandbox));
  expect(run.stdout.text).toBe("");
  expect(run.detail.json()).toMatchObject({ status: "successful", job_env: {} });
  expect(sandbox.controller.projectUpdates()[0]).toMatchObject({ rc: null, installed: [] });
});

it("the POST answers 202 with the update, and GET .../update/ says it can update", async () => {
  const sandbox = await withGalaxyCredential(
    await started({ controller: { galaxyCommand: fakeGalaxy("exit 0") } }),
  );
  const api = controllerClient(sandbox, "/api/controller/v2/");
  expect((await api.get("projects/1/update/")).json()).toEqual({ can_update: true });
  const res = await api.post("projects/1/update/");
  const body = res.json() as { project_update: number; id: number; url: string; type: string };
  expect(res.status).toBe(202);
  expect(body).toMatchObject({
    id: body.project_update,
    type: "project_update",
    url: `/api/controller/v2/project_updates/${body.project_update}/`,
  });
  expect(res.headers.get("location")).toBe(body.url);
  await sandbox.controller.waitForProjectUpdate(body.id);
  const listed = (await api.get("project_updates/?project=1")).json() as { count: number };
  expect(listed.count).toBe(1);
  expect((await api.post("projects/99/update/")).status).toBe(404);
});

it("a failing client is `failed` with its output; a missing one is `error`", async () => {
  const failing = await withGalaxyCredential(
    await started({ controller: { galaxyCommand: fakeGalaxy('echo "ERROR! nothing found" >&2\nexit 1') } }),
  );
  const run = await runProjectUpdate(failing, controllerClient(failing));
  expect(run.detail.json()).toMatchObject({ status: "failed", failed: true });
  expect(run.stdout.text).toContain("ERROR! nothing found");
  expect(failing.controller.projectUpdates()[0]?.rc).toBe(1);

  const missing = await withGalaxyCredential(
    await started({ controller: { galaxyCommand: join(tempDir(), "no-such-ansible-galaxy") } }),
  );
  const none = await runProjectUpdate(missing, controllerClient(missing));
  expect(none.detail.json()).toMatchObject({ status: "error", failed: true });
  expect((none.detail.json() as { job_explanation: string }).job_explanation).toContain(
    "could not be started (ENOENT)",
  );
});

it("a run past its deadline is killed and `failed` with AWX's timeout explanation", async () => {
  const sandbox = await withGalaxyCredential(
    await started({
      controller: { galaxyCommand: fakeGalaxy("echo started\nsleep 30"), updateTimeoutMs: 300 },
    }),
  );
  const begun = Date.now();
  const run = await runProjectUpdate(sandbox, controllerClient(sandbox));
  expect(Date.now() - begun).toBeLessThan(10_000);
  expect(run.detail.json()).toMatchObject({
    status: "failed",
    job_explanation: "Job terminated due to timeout",
  });
  expect(run.stdout.text).toBe("started\n");
});

it("close() kills a running update (`canceled`), and a restart with the same state dir keeps everything", async () => {
  const stateDir = tempDir();
  const first = await startSandbox({ stateDir, controller: { galaxyCommand: fakeGalaxy("sleep 30") } });
  const api = controllerClient(first);
  const id = await createGalaxyCredential(first, api, "kept", {
    url: first.urls.cloud.published,
    token: "kept-token-0123456789",
  });
  await api.post("organizations/1/galaxy_credentials/", { id });
  const started_ = (await api.post("projects/1/update/")).json() as { id: number; status: string };
  expect(started_.status).toBe("running");
  const before = { token: first.controller.oauthToken, user: first.controller.user };
  const begun = Date.now();
  await first.close();
  expect(Date.now() - begun).toBeLessThan(5_000);
  expect(first.controller.projectUpdates()[0]).toMatchObject({ status: "canceled" });
  expect(statSync(join(stateDir, "controller-state.json")).mode & 0o777).toBe(0o600);

  const second = await started({ stateDir });
  expect({ token: second.controller.oauthToken, user: second.controller.user }).toEqual(before);
  expect(second.controller.galaxyCredentials()).toEqual([id]);
  expect(second.controller.credentials().find((c) => c.id === id)?.inputs).toEqual({
    url: first.urls.cloud.published,
    token: "kept-token-0123456789",
  });
  const again = controllerClient(second);
  expect(((await again.get(`project_updates/${started_.id}/`)).json() as { status: string }).status).toBe(
    "canceled",
  );
  // New ids continue after the old ones.
  const next = await createGalaxyCredential(second, again, "next", { url: "u" });
  expect(next).toBe(id + 1);
});

it("apiRoots chooses the roots served: only /api/v2/ (AWX, AAP 2.4) or only /api/controller/v2/ (AAP 2.5+)", async () => {
  const v2 = await started({ controller: { apiRoots: "v2" } });
  expect(v2.controller.apiRoots).toEqual([`${v2.urls.base}api/v2/`]);
  expect(v2.controller.gatewayUrl).toBeUndefined();
  expect((await getWith(`${v2.urls.base}api/v2/ping/`)).status).toBe(200);
  expect((await getWith(`${v2.urls.base}api/controller/v2/ping/`)).status).toBe(404);

  const gateway = await started({ controller: { apiRoots: "gateway" } });
  expect(gateway.controller.apiRoots).toEqual([`${gateway.urls.base}api/controller/v2/`]);
  expect(gateway.controller.gatewayUrl).toBe(gateway.urls.base);
  expect((await getWith(`${gateway.urls.base}api/v2/ping/`)).status).toBe(404);
  const me = await controllerClient(gateway, "/api/controller/v2/").get("me/");
  expect(me.status).toBe(200);
});

it("faults can target the controller alone", async () => {
  const sandbox = await started({ faults: { serverError: { target: "controller", status: 503, times: 1 } } });
  expect((await getWith(`${sandbox.urls.base}api/v2/ping/`)).status).toBe(503);
  expect((await getWith(`${sandbox.urls.base}api/v2/ping/`)).status).toBe(200);
  sandbox.faults.set({ drop: { target: "controller", times: 1 } });
  expect((await getWith(sandbox.urls.private.published, `Token ${sandbox.tokens.hub}`)).status).toBe(200);
  await expect(getWith(`${sandbox.urls.base}api/controller/v2/ping/`)).rejects.toThrow();
});
