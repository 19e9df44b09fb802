import { createServer } from "node:net";
import { bindingFor } from "@hub-setup/core";
import { openSecretStore } from "@hub-setup/core/node";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { requireTool, showsSecret } from "@hub-setup/test-utils";
import { afterEach, beforeEach, describe, expect, it, type TestContext } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { main } from "../src/main.js";
import { requireBuiltBin, runBin } from "./support/built-bin.js";
import { ansibleCfg, world, type World } from "./support/temp-world.js";

const galaxy = requireTool("ansible-galaxy");
let sandbox: Sandbox;
let w: World;
/** Everything any command printed in a test: checked for secrets at the end. */
let printed: string[];
/** Tokens a test replaced (a newer "Load token" makes sandbox.tokens.hub the new one). */
let earlier: string[];

function secrets(): string[] {
  const c = sandbox.controller;
  return [
    ...earlier,
    sandbox.tokens.offline,
    sandbox.tokens.hub,
    sandbox.user.password,
    c.oauthToken,
    c.user.password,
    c.readOnlyUser.oauthToken,
  ];
}

/**
 * The rest of a test runs a project sync, which needs the real ansible-galaxy. Under CI=true a missing
 * one already failed this file (requireTool); locally the test is reported skipped from here on, with
 * the reason printed, rather than passing with half of it silently left out.
 */
function requireGalaxyFromHere(skip: TestContext["skip"]): void {
  if (galaxy.available) return;
  const note = `the project sync after this point needs ansible-galaxy: ${galaxy.reason}`;
  console.warn(`[skip] ${note}`);
  skip(note);
}

/** "Load token" on the private hub: a new token, the old one (kept for the output check) refused. */
function loadToken(): string {
  earlier.push(sandbox.tokens.hub);
  return sandbox.hub.loadToken();
}

/** An administrator's call to the controller's API, as a user would make it in the UI. */
async function controllerApi(path: string, body: unknown): Promise<Response> {
  const c = sandbox.controller;
  return fetch(`${c.apiRoots[0]}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${c.oauthToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** The collection artifacts the hubs served since the log was cleared, with the credential kind used. */
function downloads(): string[][] {
  return sandbox.log
    .entries()
    .filter((e) => e.path.includes("/artifacts/") && e.status === 200)
    .map((e) => [e.path.slice(e.path.lastIndexOf("/") + 1), e.credential]);
}

/** A project sync on the controller (POST /projects/<id>/update/), to its end. */
async function projectUpdate() {
  const c = sandbox.controller;
  const res = await controllerApi(`projects/${c.project.id}/update/`, {});
  expect(res.status).toBe(202);
  const { project_update: id } = (await res.json()) as { project_update: number };
  const update = await c.waitForProjectUpdate(id);
  printed.push(update.stdout);
  return update;
}

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
  w = world({
    CONTROLLER_HOST: sandbox.controller.url,
    CONTROLLER_OAUTH_TOKEN: sandbox.controller.oauthToken,
  });
  w.writeConfig(
    ansibleCfg([
      { id: "rh_published", url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint },
      { id: "pah_published", url: sandbox.urls.private.published },
    ]),
  );
  await w.storeToken("rh_published", sandbox.tokens.offline);
  await w.storeToken("pah_published", sandbox.tokens.hub);
  printed = [];
  earlier = [];
});

afterEach(async () => {
  const all = printed.join("\n");
  await sandbox.close();
  for (const secret of secrets()) expect(showsSecret(all, secret), "a secret in the output").toBe(false);
});

/** hub-setup <argv> in this world, through main (errors become messages and exit codes there). */
async function hubSetup(argv: string[], env: Record<string, string> = {}) {
  const ctx = w.ctx({ env });
  const code = await main(argv, ctx);
  const out = ctx.io.out.join("");
  const err = ctx.io.err.join("");
  printed.push(out, err);
  return { code, out, err };
}

/** The credentials hub-setup made (the controller has its managed "Ansible Galaxy" one besides). */
function ours(): string[] {
  return sandbox.controller
    .credentials()
    .filter((c) => !c.managed)
    .map((c) => c.name)
    .sort();
}

const push = (...args: string[]) => hubSetup(["controller", "push", ...args]);

function stored(name: string) {
  const found = sandbox.controller.credentials().find((c) => c.name === name);
  expect(found, `credential ${name} on the controller`).toBeDefined();
  return found!;
}

describe("hub-setup controller push against the sandbox controller", () => {
  it("creates the credential in the organisation (appended last), then updates it in place with every input", async () => {
    // The organisation's list before hub-setup comes: AWX's managed "Ansible Galaxy" (galaxy.ansible.com),
    // as AWX's migrations leave every organisation. hub-setup's credentials go behind it.
    const galaxyCom = sandbox.controller.credentials().find((c) => c.managed)!.id;
    expect((await controllerApi("organizations/1/galaxy_credentials/", { id: galaxyCom })).status).toBe(204);

    const red = await push(
      "--credential",
      "Red Hat",
      "--organization",
      "Default",
      "--server",
      "rh_published",
    );
    expect(red.code, red.err).toBe(EXIT.OK);
    expect(red.out).toMatch(
      /^Created credential "Red Hat" \(id \d+\) on .*\/api\/controller\/v2\/ with rh_published/m,
    );
    expect(red.out).toContain("It is 2nd of 2 in Default's Galaxy credentials");
    expect(stored("Red Hat").inputs).toEqual({
      url: sandbox.urls.cloud.published,
      auth_url: sandbox.urls.tokenEndpoint,
      token: sandbox.tokens.offline,
    });

    const pah = await push(
      "--credential",
      "Private hub",
      "--organization",
      "Default",
      "--server",
      "pah_published",
    );
    expect(pah.code, pah.err).toBe(EXIT.OK);
    expect(pah.out).toContain("It is 3rd of 3 in Default's Galaxy credentials");
    const order = [galaxyCom, stored("Red Hat").id, stored("Private hub").id];
    expect(sandbox.controller.galaxyCredentials()).toEqual(order);

    // "Load token" on the hub: the new token, given to hub-setup, is pushed over the old one.
    const next = loadToken();
    await w.storeToken("pah_published", next);
    const again = await push("--credential", "Private hub", "--server", "pah_published");
    expect(again.code, again.err).toBe(EXIT.OK);
    expect(again.out).toMatch(/^Updated credential "Private hub"/m);
    expect(stored("Private hub").inputs).toEqual({ url: sandbox.urls.private.published, token: next });
    expect(ours()).toEqual(["Private hub", "Red Hat"]);
    expect(sandbox.controller.galaxyCredentials(), "an update keeps the organisation's order").toEqual(order);

    // --first moves it to the front, the others keeping their order behind it.
    const first = await push(
      "--credential",
      "Private hub",
      "--organization",
      "Default",
      "--server",
      "pah_published",
      "--first",
    );
    expect(first.code, first.err).toBe(EXIT.OK);
    expect(sandbox.controller.galaxyCredentials()).toEqual([order[2], order[0], order[1]]);

    const status = await hubSetup(["status", "--offline"]);
    expect(status.out).toContain(
      `rh_published → credential "Red Hat" (id ${order[1]}) on ${sandbox.controller.url}`,
    );
    expect(status.out).toContain(`pah_published → credential "Private hub" (id ${order[2]})`);
  });

  it.skipIf(!galaxy.available)(
    "a project update then installs with the pushed credentials, in the organisation's order, through the real ansible-galaxy",
    async () => {
      const org = ["--organization", "Default"];
      for (const [name, server] of [
        ["Red Hat", "rh_published"],
        ["Private hub", "pah_published"],
      ] as const) {
        const pushed = await push("--credential", name, ...org, "--server", server);
        expect(pushed.code, pushed.err).toBe(EXIT.OK);
      }
      sandbox.log.clear();
      const update = await projectUpdate();
      expect(update.status, update.stdout).toBe("successful");
      expect(update.installed.map((i) => i.name).sort()).toEqual(["sandbox.app", "sandbox.demo"]);
      expect(update.jobEnv).toMatchObject({
        ANSIBLE_GALAXY_SERVER_LIST: "server0,server1",
        ANSIBLE_GALAXY_SERVER_SERVER0_URL: sandbox.urls.cloud.published,
        ANSIBLE_GALAXY_SERVER_SERVER0_AUTH_URL: sandbox.urls.tokenEndpoint,
        ANSIBLE_GALAXY_SERVER_SERVER1_URL: sandbox.urls.private.published,
      });
      // Red Hat's hub, first in the list, served both (ansible-galaxy asks every server, downloads from
      // the first that has a version): the offline token was exchanged at auth_url for those downloads.
      expect(downloads()).toEqual([
        ["sandbox-app-1.0.0.tar.gz", "bearer"],
        ["sandbox-demo-1.1.0.tar.gz", "bearer"],
      ]);

      // --first puts the private hub in front: the next sync installs from it, with its token.
      const moved = await push("--credential", "Private hub", ...org, "--server", "pah_published", "--first");
      expect(moved.code, moved.err).toBe(EXIT.OK);
      sandbox.log.clear();
      const again = await projectUpdate();
      expect(again.status, again.stdout).toBe("successful");
      expect(again.jobEnv["ANSIBLE_GALAXY_SERVER_SERVER0_URL"]).toBe(sandbox.urls.private.published);
      expect(again.installed.map((i) => i.name).sort()).toEqual(["sandbox.app", "sandbox.demo"]);
      expect(downloads()).toEqual([
        ["sandbox-app-1.0.0.tar.gz", "token"],
        ["sandbox-demo-1.1.0.tar.gz", "token"],
      ]);
    },
    180_000,
  );

  it("a private hub token replaced through hub-setup (the wizard) reaches the controller with no further command", async ({
    skip,
  }) => {
    requireBuiltBin();
    const pushed = await push(
      "--credential",
      "Private hub",
      "--organization",
      "Default",
      "--server",
      "pah_published",
    );
    expect(pushed.code, pushed.err).toBe(EXIT.OK);
    const next = loadToken();
    const run = await runBin(
      [
        "--no-interactive",
        "--hub",
        "private",
        "--url",
        sandbox.urls.private.published,
        "--repository",
        "published",
        "--token-stdin",
        "--store",
        "file",
        "--yes",
        "--no-schedule",
        "--no-pre-commit",
      ],
      w,
      `${next}\n`,
    );
    printed.push(run.stdout, run.stderr);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/updated credential "Private hub" \(id \d+\) on /);
    expect(stored("Private hub").inputs).toEqual({ url: sandbox.urls.private.published, token: next });
    requireGalaxyFromHere(skip);
    // The controller's next sync installs with the new token (the old one is refused since Load token).
    sandbox.log.clear();
    const update = await projectUpdate();
    expect(update.status, update.stdout).toBe("successful");
    expect(update.installed.map((i) => i.name)).toContain("sandbox.app");
    expect(downloads()).toEqual([
      ["sandbox-app-1.0.0.tar.gz", "token"],
      ["sandbox-demo-1.1.0.tar.gz", "token"],
    ]);
  }, 180_000);

  it("a private hub token given to `hub-setup login` reaches the controller with no further command", async ({
    skip,
  }) => {
    const pushed = await push(
      "--credential",
      "Private hub",
      "--organization",
      "Default",
      "--server",
      "pah_published",
    );
    expect(pushed.code, pushed.err).toBe(EXIT.OK);
    const next = loadToken();
    const login = await hubSetup(["login", "--server", "pah_published"], { HUB_SETUP_TOKEN: next });
    expect(login.code, login.out + login.err).toBe(EXIT.OK);
    expect(login.out).toMatch(/✔ updated credential "Private hub" \(id \d+\) on /);
    expect(stored("Private hub").inputs).toEqual({ url: sandbox.urls.private.published, token: next });
    requireGalaxyFromHere(skip);
    sandbox.log.clear();
    const update = await projectUpdate();
    expect(update.status, update.stdout).toBe("successful");
    expect(update.installed.map((i) => i.name)).toContain("sandbox.app");
    expect(downloads()).toContainEqual(["sandbox-app-1.0.0.tar.gz", "token"]);
  }, 180_000);

  it("`hub-setup login --new-token` mints at the hub, stores and binds the token, and the controller follows", async ({
    skip,
  }) => {
    const pushed = await push(
      "--credential",
      "Private hub",
      "--organization",
      "Default",
      "--server",
      "pah_published",
    );
    expect(pushed.code, pushed.err).toBe(EXIT.OK);
    earlier.push(sandbox.tokens.hub);
    const old = sandbox.tokens.hub;
    const login = await hubSetup(
      ["login", "--server", "pah_published", "--new-token", "--yes", "--store", "file"],
      {
        HUB_SETUP_USERNAME: sandbox.user.username,
        HUB_SETUP_PASSWORD: sandbox.user.password,
      },
    );
    expect(login.code, login.out + login.err).toBe(EXIT.OK);
    const minted = sandbox.tokens.hub;
    expect(minted).not.toBe(old);
    expect(minted).toMatch(/^[0-9a-f]{40}$/);
    expect(login.out).toContain(`DELETES every other token of ${sandbox.user.username}`);
    expect(login.out).toMatch(/made a new token for \S+ \(/);
    expect(login.out).toMatch(/✔ updated credential "Private hub" \(id \d+\) on /);
    expect(sandbox.log.entries().filter((e) => e.path.endsWith("/v3/auth/token/"))).toHaveLength(1);
    expect(stored("Private hub").inputs).toEqual({ url: sandbox.urls.private.published, token: minted });
    const store = await openSecretStore({ env: w.env, backend: "file" });
    expect(await store.get("pah_published")).toBe(minted);
    expect(await store.binding("pah_published", minted)).toEqual(
      bindingFor({ url: sandbox.urls.private.published }),
    );
    const status = await hubSetup(["status"]);
    expect(status.code, status.out + status.err).toBe(EXIT.OK);
    requireGalaxyFromHere(skip);
    sandbox.log.clear();
    const update = await projectUpdate();
    expect(update.status, update.stdout).toBe("successful");
    expect(update.installed.map((i) => i.name)).toContain("sandbox.app");
  }, 180_000);

  it("a refused sign-in (401), a user without permission (403), no controller API or organisation (404), an unreachable controller: plain messages and exit codes", async () => {
    const args = ["--credential", "Private hub", "--organization", "Default", "--server", "pah_published"];
    const bad = await hubSetup(["controller", "push", ...args], {
      CONTROLLER_OAUTH_TOKEN: "notavalidcontrollertoken123",
    });
    expect(bad.code).toBe(EXIT.AUTH);
    expect(bad.err).toMatch(/refused hub-setup's sign-in \(HTTP 401/);
    expect(bad.err).toContain("check CONTROLLER_OAUTH_TOKEN");

    const auditor = await hubSetup(["controller", "push", ...args], {
      CONTROLLER_OAUTH_TOKEN: sandbox.controller.readOnlyUser.oauthToken,
    });
    expect(auditor.code).toBe(EXIT.AUTH);
    expect(auditor.err).toMatch(/does not let this user create credentials \(HTTP 403/);

    const nowhere = await push(...args, "--controller-url", `${sandbox.urls.base}not-a-controller/`);
    expect(nowhere.code).toBe(EXIT.ERROR);
    expect(nowhere.err).toContain("no controller API at");

    const noOrg = await push(
      "--credential",
      "Private hub",
      "--organization",
      "Nope",
      "--server",
      "pah_published",
    );
    expect(noOrg.code).toBe(EXIT.ERROR);
    expect(noOrg.err).toContain('has no organization "Nope"');

    const port = await closedPort();
    const down = await push(...args, "--controller-url", `http://127.0.0.1:${port}/`);
    expect(down.code).toBe(EXIT.NETWORK);
    expect(down.err).toContain(`the controller at http://127.0.0.1:${port}/ could not be reached`);

    const noSignIn = await hubSetup(["controller", "push", ...args], { CONTROLLER_OAUTH_TOKEN: "" });
    expect(noSignIn.code).toBe(EXIT.USAGE);
    expect(noSignIn.err).toContain("no controller sign-in in the environment");

    const several = await push("--credential", "x", "--organization", "Default");
    expect(several.code).toBe(EXIT.USAGE);
    expect(several.err).toContain(
      "2 servers have tokens (rh_published, pah_published): say which with --server",
    );

    const missing = await push("--credential", "Nobody", "--server", "pah_published");
    expect(missing.code).toBe(EXIT.USAGE);
    expect(missing.err).toContain('no Galaxy credential named "Nobody": give --organization');

    expect(ours(), "nothing was created").toEqual([]);
  });

  it("Basic sign-in and the AWX root (/api/v2/ only) work too; an expired hub token is not pushed", async () => {
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, controller: { apiRoots: "v2" } });
    w.writeConfig(ansibleCfg([{ id: "pah_published", url: sandbox.urls.private.published }]));
    await w.storeToken("pah_published", sandbox.tokens.hub);
    const env = {
      CONTROLLER_HOST: sandbox.controller.url.replace(/^http:\/\//, "http://"),
      CONTROLLER_OAUTH_TOKEN: "",
      CONTROLLER_USERNAME: sandbox.controller.user.username,
      CONTROLLER_PASSWORD: sandbox.controller.user.password,
    };
    const ok = await hubSetup(
      ["controller", "push", "--credential", "Hub", "--organization", "Default"],
      env,
    );
    expect(ok.code, ok.err).toBe(EXIT.OK);
    expect(ok.out).toMatch(/on .*\/api\/v2\/ with pah_published/);

    loadToken(); // the stored token is now stale
    const stale = await hubSetup(["controller", "push", "--credential", "Hub"], env);
    expect(stale.code).toBe(EXIT.AUTH);
    expect(stale.err).toContain("Nothing was pushed");
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
