import { join } from "node:path";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { beforeEach, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/index.js";
import { galaxyEnv, runGalaxy, writeAnsibleCfg } from "./support/galaxy.js";
import { refreshGrant } from "./support/http.js";
import { verify } from "./support/verify.js";

const tool = requireTool("ansible-galaxy");
const DAY = 86_400_000;
let sandbox: Sandbox;

// A sandbox per test: each test moves its clock, revokes or replaces tokens, and none may inherit that.
beforeEach(async () => {
  const fresh = await startSandbox({ port: 0 });
  sandbox = fresh;
  return () => fresh.close();
});

/**
 * How ansible-galaxy reports a token endpoint that refuses the grant with HTTP 400 (reference §0, §4):
 * up to 2.17 the bare urllib error as an "unexpected exception", exit 250; from 2.18 a sentence, exit 1.
 * Neither shows Keycloak's error_description.
 */
const GRANT_REFUSED = [
  {
    versions: "2.14-2.17",
    code: 250,
    text: "ERROR! Unexpected Exception, this is probably a bug: HTTP Error 400: Bad Request",
  },
  {
    versions: "2.18+",
    code: 1,
    text: "ERROR! Unable to get access token (HTTP Code: 400, Message: Bad Request)",
  },
] as const;

function install(dir: string, env: Record<string, string>) {
  return runGalaxy(["collection", "install", "sandbox.demo", "-p", join(dir, "collections")], env);
}

it.skipIf(!tool.available)(
  "an offline token left idle for 31 days: SSO refuses the grant, the install fails",
  async () => {
    const token = sandbox.sso.mintOfflineToken();
    sandbox.clock.advance(31 * DAY);
    const dir = tempDir();
    writeAnsibleCfg(join(dir, "ansible.cfg"), [
      { id: "rh_cloud", url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint },
    ]);
    sandbox.log.clear();

    const run = await install(dir, galaxyEnv(dir, { ANSIBLE_GALAXY_SERVER_RH_CLOUD_TOKEN: token }));

    expect(run.code, run.output).not.toBe(0);
    // Exactly one known form, its exit code and its message together.
    const forms = GRANT_REFUSED.filter((f) => run.code === f.code && run.output.includes(f.text));
    expect(
      forms.map((f) => f.versions),
      `exit ${run.code}\n${run.output}`,
    ).toHaveLength(1);
    const grants = sandbox.log.entries().filter((e) => e.credential === "refresh-grant");
    expect(grants.length).toBeGreaterThan(0);
    expect(grants.every((e) => e.status === 400 && e.clientId === "cloud-services")).toBe(true);
    expect(sandbox.log.entries().some((e) => e.path.startsWith("/api/") && e.status === 200)).toBe(false);
    // What ansible-galaxy did not show: Keycloak's body.
    const res = await refreshGrant(sandbox.urls.tokenEndpoint, token);
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      error: "invalid_grant",
      error_description: "Offline user session not found",
    });
    expect(run.output).not.toContain("Offline user session not found");

    // core's verifyHub says it in plain words: the 30-day rule, and that a new token must be loaded.
    const result = await verify(
      { kind: "cloud", url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint },
      token,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result).toMatchObject({ outcome: "expired", error: { code: "TOKEN_EXPIRED" } });
    expect(result.message).toContain("not used for 30 days");
    expect(result.message).toMatch(/load a new one/i);
    expect(result.message).not.toContain(token);
  },
);

it.skipIf(!tool.available)(
  "a private-hub token replaced by a newer Load token: the hub refuses it",
  async () => {
    const old = sandbox.tokens.hub;
    const fresh = sandbox.hub.loadToken();
    expect(fresh).toMatch(/^[0-9a-f]{40}$/);
    expect(fresh).not.toBe(old);
    const dir = tempDir();
    writeAnsibleCfg(join(dir, "ansible.cfg"), [{ id: "my_pah", url: sandbox.urls.private.published }]);
    sandbox.log.clear();

    const run = await install(dir, galaxyEnv(dir, { ANSIBLE_GALAXY_SERVER_MY_PAH_TOKEN: old }));

    expect(run.code, run.output).not.toBe(0);
    expect(run.code).toBe(1);
    expect(run.output).toContain("Error when finding available api versions from my_pah");
    expect(run.output).toContain("(HTTP Code: 401, Message: Unauthorized)");
    // The API root answers 401; ansible-galaxy then retries `<url>api`, which does not exist (404), and
    // reports the first error.
    expect(sandbox.log.entries().map((e) => [e.path, e.status, e.credential])).toEqual([
      ["/api/galaxy/content/published/", 401, "token"],
      ["/api/galaxy/content/published/api", 404, "token"],
    ]);

    const result = await verify({ kind: "private", url: sandbox.urls.private.published }, old);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result).toMatchObject({ outcome: "unauthorized", error: { code: "TOKEN_REJECTED" } });
    expect(result.message).toContain("was a new one loaded?");
    expect(result.message).toContain("Load token");
    expect(result.message).not.toContain(old);

    const ok = await install(dir, galaxyEnv(dir, { ANSIBLE_GALAXY_SERVER_MY_PAH_TOKEN: fresh }));
    expect(ok.code, ok.output).toBe(0);
  },
);

it.skipIf(!tool.available)(
  "a wrong hub URL (a repository that does not exist): the install fails",
  async () => {
    const wrong = sandbox.urls.private["rh-certified"].replace("rh-certified", "certified");
    const dir = tempDir();
    writeAnsibleCfg(join(dir, "ansible.cfg"), [{ id: "my_pah", url: wrong }]);
    sandbox.log.clear();

    const run = await install(
      dir,
      galaxyEnv(dir, { ANSIBLE_GALAXY_SERVER_MY_PAH_TOKEN: sandbox.tokens.hub }),
    );

    expect(run.code, run.output).not.toBe(0);
    expect(run.code).toBe(1);
    expect(run.output).toContain("(HTTP Code: 404, Message: Not Found)");
    expect(sandbox.log.entries()[0]).toMatchObject({ path: "/api/galaxy/content/certified/", status: 404 });

    const result = await verify({ kind: "private", url: wrong }, sandbox.tokens.hub);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result).toMatchObject({ outcome: "not-found", error: { code: "HUB_NOT_FOUND" } });
    expect(result.message).toContain("this is not a hub API URL");
    // …and it names a URL that does work.
    expect(result.expectedUrl).toBe(sandbox.urls.private.published);
    expect((await verify({ kind: "private", url: result.expectedUrl ?? "" }, sandbox.tokens.hub)).ok).toBe(
      true,
    );
  },
);
