import { requireTool } from "@hub-setup/test-utils";
import { expect, it, onTestFinished } from "vitest";
import { startSandbox, type Sandbox } from "../src/index.js";
import { controllerClient, createGalaxyCredential, runProjectUpdate } from "./support/controller.js";

/**
 * The controller's project update with the real ansible-galaxy: the credential a client would push
 * (url, auth_url, token) installs the project's requirements from the sandbox hubs, and a bad token
 * makes the update fail — what `hub-setup controller push` has to prove.
 */
const tool = requireTool("ansible-galaxy");
/** Real ansible-galaxy runs take seconds, more on a loaded machine; the default 5 s is too tight. */
const E2E_TIMEOUT = 90_000;

async function started(): Promise<Sandbox> {
  const sandbox = await startSandbox();
  onTestFinished(() => sandbox.close());
  return sandbox;
}

it.skipIf(!tool.available)(
  "cloud hub: a Galaxy credential with the offline token and SSO URL installs the requirements",
  async () => {
    const sandbox = await started();
    const api = controllerClient(sandbox);
    const id = await createGalaxyCredential(sandbox, api, "Automation Hub", {
      url: sandbox.urls.cloud.published,
      auth_url: sandbox.urls.tokenEndpoint,
      token: sandbox.tokens.offline,
    });
    expect((await api.post("organizations/1/galaxy_credentials/", { id })).status).toBe(204);

    const run = await runProjectUpdate(sandbox, api);

    const update = sandbox.controller.projectUpdates()[0];
    expect(update?.status, update?.stdout).toBe("successful");
    expect(update?.installed).toEqual([
      { name: "sandbox.app", version: "1.0.0" },
      { name: "sandbox.demo", version: "1.1.0" },
    ]);
    expect(run.detail.json()).toMatchObject({ status: "successful", failed: false });
    expect(run.stdout.text).toContain("sandbox.app:1.0.0 was installed successfully");
    // ansible-galaxy refreshed the offline token at the SSO and used the access token on the hub.
    const log = sandbox.log.entries();
    expect(log.filter((e) => e.credential === "refresh-grant").map((e) => e.status)).toEqual([200]);
    const hub = log.filter((e) => e.path.startsWith("/api/automation-hub/"));
    expect(hub.length).toBeGreaterThan(3);
    expect(hub.every((e) => e.credential === "bearer" && e.status === 200)).toBe(true);
    for (const text of [run.stdout.text, run.detail.text, JSON.stringify(log)]) {
      expect(text).not.toContain(sandbox.tokens.offline);
    }
  },
  E2E_TIMEOUT,
);

it.skipIf(!tool.available)(
  "both hubs in the organisation's order: server0 (private hub) answers first and installs",
  async () => {
    const sandbox = await started();
    const api = controllerClient(sandbox, "/api/controller/v2/");
    const pah = await createGalaxyCredential(sandbox, api, "Private hub", {
      url: sandbox.urls.private["rh-certified"],
      token: sandbox.tokens.hub,
    });
    const cloud = await createGalaxyCredential(sandbox, api, "Automation Hub", {
      url: sandbox.urls.cloud.published,
      auth_url: sandbox.urls.tokenEndpoint,
      token: sandbox.tokens.offline,
    });
    for (const id of [pah, cloud]) await api.post("organizations/1/galaxy_credentials/", { id });

    const run = await runProjectUpdate(sandbox, api);

    expect(run.detail.json(), run.stdout.text).toMatchObject({ status: "successful" });
    expect((run.detail.json() as { job_env: Record<string, string> }).job_env).toMatchObject({
      ANSIBLE_GALAXY_SERVER_LIST: "server0,server1",
      ANSIBLE_GALAXY_SERVER_SERVER0_URL: sandbox.urls.private["rh-certified"],
      ANSIBLE_GALAXY_SERVER_SERVER1_URL: sandbox.urls.cloud.published,
    });
    const downloads = sandbox.log.entries().filter((e) => e.path.endsWith(".tar.gz"));
    expect(downloads.map((e) => [e.path.startsWith("/api/galaxy/"), e.credential, e.status])).toEqual([
      [true, "token", 200],
      [true, "token", 200],
    ]);
    expect(run.stdout.text).not.toContain(sandbox.tokens.hub);
  },
  E2E_TIMEOUT,
);

it.skipIf(!tool.available)(
  "a bad token makes the project update fail, and the token stays out of its output",
  async () => {
    const sandbox = await started();
    const api = controllerClient(sandbox);
    const bad = "bad-offline-token-that-sso-refuses-0123456789";
    const id = await createGalaxyCredential(sandbox, api, "Automation Hub", {
      url: sandbox.urls.cloud.published,
      auth_url: sandbox.urls.tokenEndpoint,
      token: bad,
    });
    await api.post("organizations/1/galaxy_credentials/", { id });

    const run = await runProjectUpdate(sandbox, api);

    expect(run.detail.json()).toMatchObject({ status: "failed", failed: true });
    expect(sandbox.controller.projectUpdates()[0]?.installed).toEqual([]);
    expect(
      sandbox.log
        .entries()
        .filter((e) => e.credential === "refresh-grant")
        .map((e) => e.status),
    ).toEqual([400]);
    expect(run.stdout.text).toMatch(/ERROR!/);
    expect(run.stdout.text).not.toContain(bad);

    // Fixing the credential (PATCH with every input) makes the next update pass.
    const fixed = await api.patch(`credentials/${id}/`, {
      inputs: {
        url: sandbox.urls.cloud.published,
        auth_url: sandbox.urls.tokenEndpoint,
        token: sandbox.tokens.offline,
      },
    });
    expect(fixed.status).toBe(200);
    const again = await runProjectUpdate(sandbox, api);
    expect(again.detail.json(), again.stdout.text).toMatchObject({ status: "successful" });
  },
  E2E_TIMEOUT,
);
