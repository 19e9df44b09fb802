/**
 * `hub-setup login --new-token` against the sandbox's galaxy_ng token endpoint (issue #14): the built
 * bin with --password-stdin makes a token that the hub then accepts; a wrong password (401), a URL with
 * no token endpoint (404), an unreachable hub, a cloud server and a missing --yes give plain messages
 * and the documented exit codes, and send nothing they should not. No output holds the password or a
 * token.
 */
import { createServer } from "node:net";
import { openSecretStore } from "@hub-setup/core/node";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { showsSecret } from "@hub-setup/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { main } from "../src/main.js";
import { requireBuiltBin, runBin } from "./support/built-bin.js";
import { ansibleCfg, world, type World } from "./support/temp-world.js";

let sandbox: Sandbox;
let w: World;
let printed: string[];
let tokensSeen: string[];

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
  w = world();
  printed = [];
  tokensSeen = [sandbox.tokens.hub];
});

afterEach(async () => {
  tokensSeen.push(sandbox.tokens.hub);
  const all = printed.join("\n");
  await sandbox.close();
  for (const secret of [...tokensSeen, sandbox.user.password, sandbox.tokens.offline]) {
    expect(showsSecret(all, secret), "a secret in the output").toBe(false);
  }
});

async function hubSetup(argv: string[], env: Record<string, string> = {}) {
  const ctx = w.ctx({ env });
  const code = await main(argv, ctx);
  const out = ctx.io.out.join("");
  const err = ctx.io.err.join("");
  printed.push(out, err);
  return { code, out, err, all: out + err };
}

const CREDENTIALS = () => ({
  HUB_SETUP_USERNAME: sandbox.user.username,
  HUB_SETUP_PASSWORD: sandbox.user.password,
});
const tokenPosts = () => sandbox.log.entries().filter((e) => e.path.endsWith("/v3/auth/token/"));
const newToken = (id: string) => ["login", "--server", id, "--new-token", "--yes", "--store", "file"];

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe("hub-setup login --new-token against the sandbox hub", () => {
  it("the built bin reads the password from stdin, makes a token the hub accepts, and stores it", async () => {
    requireBuiltBin();
    w.writeConfig(ansibleCfg([{ id: "pah", url: sandbox.urls.private.published }]));
    const old = sandbox.tokens.hub;
    const run = await runBin(
      ["login", "--new-token", "--password-stdin", "--yes", "--store", "file"],
      { ...w, env: { ...w.env, HUB_SETUP_USERNAME: sandbox.user.username } },
      `${sandbox.user.password}\n`,
    );
    printed.push(run.stdout, run.stderr);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(sandbox.tokens.hub).not.toBe(old);
    expect(run.stdout).toContain("DELETES every other token");
    expect(run.stdout).toContain("accepts the");
    const store = await openSecretStore({ env: w.env, backend: "file" });
    expect(await store.get("pah")).toBe(sandbox.tokens.hub);
    const status = await hubSetup(["status"]);
    expect(status.code, status.all).toBe(EXIT.OK);
  }, 120_000);

  it("a wrong password: the hub's 401 as a plain message, exit 3, the old token still works", async () => {
    w.writeConfig(ansibleCfg([{ id: "pah", url: sandbox.urls.private.published }]));
    await w.storeToken("pah", sandbox.tokens.hub);
    const old = sandbox.tokens.hub;
    const r = await hubSetup(newToken("pah"), { ...CREDENTIALS(), HUB_SETUP_PASSWORD: "not-the-password" });
    expect(r.code, r.all).toBe(EXIT.AUTH);
    expect(r.err).toContain(`refused the user name "${sandbox.user.username}" or its password (HTTP 401)`);
    expect(sandbox.tokens.hub).toBe(old);
    expect(showsSecret(r.all, "not-the-password")).toBe(false);
    expect((await hubSetup(["status"])).code).toBe(EXIT.OK);
  });

  it("a server URL with no token endpoint (404): exit 1, saying where it looked", async () => {
    const url = `${sandbox.urls.base}api/nohub/content/published/`;
    w.writeConfig(ansibleCfg([{ id: "pah", url }]));
    const r = await hubSetup(newToken("pah"), CREDENTIALS());
    expect(r.code, r.all).toBe(EXIT.ERROR);
    expect(r.err).toContain(`no token endpoint at ${sandbox.urls.base}api/nohub/v3/auth/token/ (HTTP 404)`);
  });

  it("an unreachable hub: exit 4 with the reason", async () => {
    w.writeConfig(
      ansibleCfg([
        { id: "pah", url: `http://127.0.0.1:${await closedPort()}/api/galaxy/content/published/` },
      ]),
    );
    const r = await hubSetup(newToken("pah"), CREDENTIALS());
    expect(r.code, r.all).toBe(EXIT.NETWORK);
    expect(r.err).toContain("could not reach the private hub at");
  });

  it("a cloud server is refused (exit 2) with the way to an offline token; nothing is posted", async () => {
    w.writeConfig(
      ansibleCfg([{ id: "rh", url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint }]),
    );
    const r = await hubSetup(newToken("rh"), CREDENTIALS());
    expect(r.code, r.all).toBe(EXIT.USAGE);
    expect(r.all).toContain("console.redhat.com");
    expect(tokenPosts()).toEqual([]);
  });

  it("without --yes and no terminal: exit 2 after the warning, nothing posted, the token unchanged", async () => {
    w.writeConfig(ansibleCfg([{ id: "pah", url: sandbox.urls.private.published }]));
    const old = sandbox.tokens.hub;
    const r = await hubSetup(["login", "--server", "pah", "--new-token"], CREDENTIALS());
    expect(r.code, r.all).toBe(EXIT.USAGE);
    expect(r.err).toContain("--yes");
    expect(r.out).toContain("DELETES every other token");
    expect(tokenPosts()).toEqual([]);
    expect(sandbox.tokens.hub).toBe(old);
  });

  it("--new-token with --token-stdin, and --password-stdin alone, are usage errors", async () => {
    w.writeConfig(ansibleCfg([{ id: "pah", url: sandbox.urls.private.published }]));
    expect((await hubSetup(["login", "--new-token", "--token-stdin"])).code).toBe(EXIT.USAGE);
    expect((await hubSetup(["login", "--password-stdin"])).code).toBe(EXIT.USAGE);
    expect(tokenPosts()).toEqual([]);
  });
});
