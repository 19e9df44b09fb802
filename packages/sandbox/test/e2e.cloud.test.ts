import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/index.js";
import { galaxyEnv, runGalaxy, writeAnsibleCfg } from "./support/galaxy.js";
import { verify } from "./support/verify.js";

const tool = requireTool("ansible-galaxy");
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});

it.skipIf(!tool.available)(
  "cloud hub: ansible-galaxy exchanges the offline token at SSO (cloud-services), then installs with Bearer",
  async () => {
    const dir = tempDir();
    const cfg = writeAnsibleCfg(join(dir, "ansible.cfg"), [
      { id: "rh_cloud", url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint },
    ]);
    expect(cfg).toContain(`auth_url = ${sandbox.urls.tokenEndpoint}\n`);
    expect(cfg).not.toContain(sandbox.tokens.offline);
    expect(cfg).not.toMatch(/token\s*=/);
    const env = galaxyEnv(dir, { ANSIBLE_GALAXY_SERVER_RH_CLOUD_TOKEN: sandbox.tokens.offline });

    const run = await runGalaxy(
      ["collection", "install", "sandbox.app", "-p", join(dir, "collections")],
      env,
    );

    expect(run.code, run.output).toBe(0);
    const root = join(dir, "collections", "ansible_collections", "sandbox");
    expect(readFileSync(join(root, "app", "roles", "deploy", "tasks", "main.yml"), "utf8")).toContain(
      "sandbox.demo.hello",
    );
    // The dependency, at its highest version.
    expect(readFileSync(join(root, "demo", "plugins", "modules", "demo_ping.py"), "utf8")).toContain(
      'version="1.1.0"',
    );
    expect(existsSync(join(root, "demo", "MANIFEST.json"))).toBe(true);

    const log = sandbox.log.entries();
    const grant = log.findIndex((e) => e.credential === "refresh-grant");
    expect(log[grant]).toMatchObject({ method: "POST", status: 200, clientId: "cloud-services" });
    const hubCalls = log.filter((e) => e.path.startsWith("/api/automation-hub/"));
    expect(hubCalls.length).toBeGreaterThanOrEqual(6);
    // The grant came first; every hub request, the downloads included, carried the Bearer access token.
    expect(log.findIndex((e) => e.path.startsWith("/api/"))).toBeGreaterThan(grant);
    expect(hubCalls.every((e) => e.credential === "bearer" && e.status === 200)).toBe(true);
    expect(hubCalls.filter((e) => e.path.includes("/collections/artifacts/")).map((e) => e.path)).toEqual([
      "/api/automation-hub/v3/plugin/ansible/content/published/collections/artifacts/sandbox-app-1.0.0.tar.gz",
      "/api/automation-hub/v3/plugin/ansible/content/published/collections/artifacts/sandbox-demo-1.1.0.tar.gz",
    ]);
    expect(JSON.stringify(log)).not.toContain(sandbox.tokens.offline);

    // And ansible-galaxy itself re-downloads and checks every file against MANIFEST.json and FILES.json.
    const check = await runGalaxy(
      ["collection", "verify", "sandbox.app", "sandbox.demo", "-p", join(dir, "collections")],
      env,
    );
    expect(check.code, check.output).toBe(0);
    expect(check.stdout).toContain("Successfully verified that checksums for 'sandbox.demo:1.1.0' match");
  },
);

it("core's verifyHub accepts the same server and token (refresh at SSO, then Bearer on the API root)", async () => {
  sandbox.log.clear();
  const result = await verify(
    { kind: "cloud", url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint },
    sandbox.tokens.offline,
  );
  expect(result.ok).toBe(true);
  expect(sandbox.log.entries().map((e) => [e.credential, e.clientId, e.status])).toEqual([
    ["refresh-grant", "cloud-services", 200],
    ["bearer", undefined, 200],
  ]);
});
