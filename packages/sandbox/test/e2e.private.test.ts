import { readFileSync } from "node:fs";
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
  "private hub: ansible-galaxy sends `Token <40 hex>` and installs the collection and its dependency",
  async () => {
    const dir = tempDir();
    const cfg = writeAnsibleCfg(join(dir, "ansible.cfg"), [
      { id: "my_pah", url: sandbox.urls.private["rh-certified"] },
    ]);
    expect(cfg).not.toContain(sandbox.tokens.hub);
    const env = galaxyEnv(dir, { ANSIBLE_GALAXY_SERVER_MY_PAH_TOKEN: sandbox.tokens.hub });

    const run = await runGalaxy(
      ["collection", "install", "sandbox.app", "sandbox.demo:==1.0.0", "-p", join(dir, "collections")],
      env,
    );

    expect(run.code, run.output).toBe(0);
    const root = join(dir, "collections", "ansible_collections", "sandbox");
    expect(readFileSync(join(root, "app", "README.md"), "utf8")).toContain("sandbox.app 1.0.0");
    // The pinned version satisfies sandbox.app's ">=1.0.0", so 1.0.0 is what lands.
    expect(readFileSync(join(root, "demo", "plugins", "modules", "demo_ping.py"), "utf8")).toContain(
      'version="1.0.0"',
    );
    const log = sandbox.log.entries();
    expect(log.some((e) => e.credential === "refresh-grant" || e.path.startsWith("/auth/"))).toBe(false);
    expect(log.length).toBeGreaterThanOrEqual(6);
    expect(log.every((e) => e.path.startsWith("/api/galaxy/") && e.credential === "token")).toBe(true);
    expect(log.every((e) => e.status === 200)).toBe(true);
    expect(log.filter((e) => e.path.endsWith(".tar.gz")).map((e) => e.path.split("/").pop())).toEqual([
      "sandbox-app-1.0.0.tar.gz",
      "sandbox-demo-1.0.0.tar.gz",
    ]);
    expect(JSON.stringify(log)).not.toContain(sandbox.tokens.hub);
  },
);

it.skipIf(!tool.available)("collection download writes the artifact and a requirements.yml", async () => {
  const dir = tempDir();
  writeAnsibleCfg(join(dir, "ansible.cfg"), [{ id: "my_pah", url: sandbox.urls.private.published }]);
  const env = galaxyEnv(dir, { ANSIBLE_GALAXY_SERVER_MY_PAH_TOKEN: sandbox.tokens.hub });
  const run = await runGalaxy(["collection", "download", "sandbox.demo:1.0.0", "-p", join(dir, "dl")], env);
  expect(run.code, run.output).toBe(0);
  expect(readFileSync(join(dir, "dl", "requirements.yml"), "utf8")).toContain("sandbox-demo-1.0.0.tar.gz");
  expect(readFileSync(join(dir, "dl", "sandbox-demo-1.0.0.tar.gz")).subarray(0, 2)).toEqual(
    Buffer.from([0x1f, 0x8b]),
  );
});

it("core's verifyHub accepts the same server and token with `Token`", async () => {
  sandbox.log.clear();
  const result = await verify(
    { kind: "private", url: sandbox.urls.private["rh-certified"] },
    sandbox.tokens.hub,
  );
  expect(result.ok).toBe(true);
  expect(sandbox.log.entries().map((e) => [e.path, e.credential, e.status])).toEqual([
    ["/api/galaxy/content/rh-certified/", "token", 200],
  ]);
});
