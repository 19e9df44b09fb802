import { createServer } from "node:net";
import { backoffMs, DEFAULT_RETRY } from "@hub-setup/core";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { fixedClock, type TestClock } from "@hub-setup/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AppContext } from "../src/context.js";
import { runRefreshPaced as refreshCommand } from "../src/commands/refresh/index.js";
import { run as status } from "../src/commands/status/index.js";
import { EXIT } from "../src/exit-codes.js";
import type { StatusReport } from "../src/commands/status/report.js";
import { STATUS_JSON_SCHEMA } from "../src/commands/status/schema.js";
import { validate } from "./support/json-schema.js";
import { ansibleCfg, world, type World } from "./support/temp-world.js";

const DAY = 86_400_000;
let sandbox: Sandbox;
let clock: TestClock;
let w: World;
/** Every byte any command printed in this test: checked for tokens at the end. */
let printed: string[];
/** Each wait between SSO attempts that refresh asked for, in ms: recorded, never slept. */
let waits: number[];

/** Jitter fixed at its midpoint, as core's tests do. */
const JITTER = (): number => 0.5;

/** `hub-setup refresh`, with its retry backoff recorded instead of slept (real HTTP to the sandbox still). */
function refresh(argv: string[], ctx: AppContext): Promise<number> {
  return refreshCommand(argv, ctx, {
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: JITTER,
  });
}

beforeEach(async () => {
  clock = fixedClock("2026-03-01T09:00:00Z");
  sandbox = await startSandbox({ port: 0, clock });
  w = world();
  printed = [];
  waits = [];
});

afterEach(async () => {
  await sandbox.close();
  const all = printed.join("");
  for (const secret of [sandbox.tokens.offline, sandbox.tokens.hub]) expect(all).not.toContain(secret);
});

async function cmd(run: typeof refresh, argv: string[]) {
  const ctx = w.ctx({ now: clock.now });
  const code = await run(argv, ctx);
  const out = ctx.io.out.join("");
  const err = ctx.io.err.join("");
  printed.push(out, err);
  return { code, out, err };
}

async function statusJson(argv: string[] = []) {
  const r = await cmd(status, ["--json", ...argv]);
  const report = JSON.parse(r.out) as StatusReport;
  expect(validate(STATUS_JSON_SCHEMA, report)).toEqual([]);
  expect(report.exitCode).toBe(r.code);
  return report;
}

async function cloudSetup(ids: string[] = ["rh_published"]) {
  w.writeConfig(
    ansibleCfg(
      ids.map((id) => ({ id, url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint })),
    ),
  );
  for (const id of ids) await w.storeToken(id, sandbox.tokens.offline);
}

async function freePortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}/auth/realms/redhat-external/protocol/openid-connect/token`;
}

describe("refresh against the sandbox SSO", () => {
  it("refreshes the stored offline token, and status then counts the days left from it", async () => {
    await cloudSetup();
    const r = await cmd(refresh, []);
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toMatch(
      /^rh_published: refreshed offline token .*; unused, it now lasts until 2026-03-31\n$/,
    );
    expect(waits, "no retry when the SSO answers at once").toEqual([]);
    const grants = sandbox.log.entries().filter((e) => e.credential === "refresh-grant");
    expect(grants).toHaveLength(1);
    expect(grants[0]?.clientId).toBe("cloud-services");

    clock.advance(10 * DAY);
    const offline = await statusJson(["--offline"]);
    expect(offline.servers[0]?.idleExpiry?.daysLeft).toBe(20);
    expect(offline.servers[0]?.check.state).toBe("skipped");
    expect(offline.exitCode).toBe(EXIT.OK);

    const live = await statusJson();
    expect(live.servers[0]).toMatchObject({ kind: "cloud", health: "ok", check: { state: "ok" } });
    expect(live.servers[0]?.idleExpiry?.daysLeft).toBe(30);
  });

  it("exits 3 with a plain message after 31 idle days, even with --quiet", async () => {
    await cloudSetup();
    clock.advance(31 * DAY);
    const r = await cmd(refresh, ["--quiet"]);
    expect(r.code).toBe(EXIT.AUTH);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^hub-setup refresh: rh_published: .*30 days.*\n$/);
    expect(r.err).toContain("load a new one");
  });

  it("retries an SSO answering 503 and succeeds", async () => {
    await cloudSetup();
    sandbox.faults.set({ serverError: { target: "sso", status: 503, times: 2 } });
    const r = await cmd(refresh, []);
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain("after 3 attempts");
    expect(sandbox.log.entries().filter((e) => e.path.includes("/openid-connect/token"))).toHaveLength(3);
    // Two backoffs, growing: core's policy with the jitter fixed, none slept for real.
    expect(waits).toEqual([backoffMs(1, DEFAULT_RETRY, JITTER), backoffMs(2, DEFAULT_RETRY, JITTER)]);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? Infinity);
  });

  it("exits 4 when the SSO cannot be reached", async () => {
    w.writeConfig(
      ansibleCfg([{ id: "rh", url: sandbox.urls.cloud.published, authUrl: await freePortUrl() }]),
    );
    await w.storeToken("rh", sandbox.tokens.offline);
    const r = await cmd(refresh, ["--quiet"]);
    expect(r.code).toBe(EXIT.NETWORK);
    expect(r.err).toMatch(/^hub-setup refresh: rh: /);
  });

  it("exits 6 when one token refreshes and a revoked one does not", async () => {
    const second = sandbox.sso.mintOfflineToken({ username: "second-user" });
    w.writeConfig(
      ansibleCfg([
        { id: "good", url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint },
        { id: "gone", url: sandbox.urls.cloud.validated, authUrl: sandbox.urls.tokenEndpoint },
      ]),
    );
    await w.storeToken("good", sandbox.tokens.offline);
    await w.storeToken("gone", second);
    sandbox.sso.revoke(second);
    const r = await cmd(refresh, []);
    expect(r.code).toBe(EXIT.PARTIAL);
    expect(r.out).toContain("good: refreshed");
    expect(r.err).toContain("hub-setup refresh: gone: ");
    expect(r.out + r.err).not.toContain(second);
  });

  it("keeps alive a stored token that no ansible.cfg here lists (a timer runs from $HOME)", async () => {
    await w.storeToken("elsewhere", sandbox.tokens.offline);
    const r = await cmd(refresh, []);
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain("elsewhere: refreshed");
  });
});

describe("status against the sandbox hubs", () => {
  it("checks a cloud and a private server live and is fine", async () => {
    w.writeConfig(
      ansibleCfg([
        { id: "rh", url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint },
        { id: "pah", url: sandbox.urls.private.published },
      ]),
    );
    await w.storeToken("rh", sandbox.tokens.offline);
    await w.storeToken("pah", sandbox.tokens.hub);
    const r = await cmd(status, []);
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain(`ansible.cfg  ${w.project}/ansible.cfg`);
    expect(r.out).toContain(`rh (cloud)  ${sandbox.urls.cloud.published}`);
    expect(r.out).toContain(`pah (private)  ${sandbox.urls.private.published}`);
    expect(r.out).toContain("2 servers, all fine.");
    const bearer = sandbox.log.entries().filter((e) => e.credential === "bearer");
    const token = sandbox.log.entries().filter((e) => e.credential === "token");
    expect(bearer.length).toBeGreaterThan(0);
    expect(token.length).toBeGreaterThan(0);
  });

  it("exits 3 after a new private token was loaded, and flags a plaintext token in the file", async () => {
    w.writeConfig(
      ansibleCfg([{ id: "pah", url: sandbox.urls.private.published, token: sandbox.tokens.hub }]),
    );
    sandbox.hub.loadToken();
    const report = await statusJson();
    expect(report.exitCode).toBe(EXIT.AUTH);
    expect(report.servers[0]).toMatchObject({
      health: "broken",
      failure: "auth",
      plaintextInFile: ["token"],
      token: { origin: "file", kind: "hub-api" },
      check: { state: "failed" },
    });
  });
});
