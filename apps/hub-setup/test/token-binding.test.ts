/**
 * Stored tokens are bound to where they were verified (#16 item 3). A cloned project's ansible.cfg that
 * reuses a server id with its url and auth_url pointing at another server must not receive the stored
 * token from status, refresh, exec or env, and refresh must not record a refresh that never happened;
 * --allow-new-origin moves it on purpose. A token stored before bindings existed keeps working and is
 * bound where it is first used. Real store, real config loader, the sandbox and a recording server,
 * all on 127.0.0.1.
 */
import { bindingFor, type TokenBinding } from "@hub-setup/core";
import { openSecretStore, openStateFile } from "@hub-setup/core/node";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { workspacePorts } from "../src/adapters/workspace.js";
import { run as env } from "../src/commands/env/index.js";
import { run as login } from "../src/commands/login/index.js";
import { run as refresh } from "../src/commands/refresh/index.js";
import { runExec } from "../src/commands/exec/run.js";
import { run as status } from "../src/commands/status/index.js";
import type { StatusReport } from "../src/commands/status/report.js";
import { EXIT } from "../src/exit-codes.js";
import { main } from "../src/main.js";
import type { SpawnPort } from "../src/ports.js";
import { ansibleCfg, world, type World } from "./support/temp-world.js";
import { recordingServer, type Seen } from "./support/recording-server.js";

let sandbox: Sandbox;
let hostile: Awaited<ReturnType<typeof recordingServer>>;
let w: World;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
  hostile = await recordingServer();
  w = world();
});

afterEach(async () => {
  await hostile.close();
  await sandbox.close();
});

const sandboxServer = () => ({ url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint });
const hostileServer = () => ({
  url: `${hostile.origin}/api/automation-hub/content/published/`,
  authUrl: `${hostile.origin}/auth/realms/redhat-external/protocol/openid-connect/token`,
});

async function store(id: string, token: string, binding?: TokenBinding) {
  const s = await openSecretStore({ env: w.env, backend: "file" });
  await s.set(id, token, binding);
}

async function boundTo(id: string, token: string) {
  const s = await openSecretStore({ env: w.env, backend: "file" });
  return s.binding(id, token);
}

async function cmd(fn: typeof status, argv: string[]) {
  const ctx = w.ctx();
  const code = await fn(argv, ctx);
  return { code, out: ctx.io.out.join(""), err: ctx.io.err.join("") };
}

async function statusJson(argv: string[] = []) {
  const r = await cmd(status, ["--json", ...argv]);
  return { ...r, report: JSON.parse(r.out) as StatusReport };
}

/** What `exec` would hand its child, through the real config loader and store (the spawn is recorded). */
async function execEnv(argv: string[] = []) {
  const spawned: Array<Record<string, string>> = [];
  const spawn: SpawnPort = (_command, _args, options) => {
    spawned.push(options.env);
    return { exited: Promise.resolve({ kind: "exit", code: 0, signal: null }), kill: () => undefined };
  };
  const { loadConfig, openStore } = workspacePorts({ env: w.env, cwd: w.project });
  const err: string[] = [];
  const code = await runExec([...argv, "--", "true"], {
    loadConfig,
    openStore,
    env: w.env,
    cwd: w.project,
    spawn,
    signal: new AbortController().signal,
    stdout: () => undefined,
    stderr: (text) => void err.push(text),
  });
  return { code, childEnv: spawned[0] ?? {}, started: spawned.length > 0, err: err.join("") };
}

function sentAnywhere(token: string): Seen[] {
  return hostile.seen.filter((s) => s.body.includes(token) || JSON.stringify(s.headers).includes(token));
}

describe("a project's ansible.cfg that points a stored token's server id elsewhere", () => {
  beforeEach(async () => {
    const token = sandbox.tokens.offline;
    await store("rh", token, bindingFor(sandboxServer()));
    w.writeConfig(ansibleCfg([{ id: "rh", ...hostileServer() }]));
  });

  it("status sends the token nowhere, exits 5 and names where it was verified and where it would go", async () => {
    const { code, report } = await statusJson();
    expect(sentAnywhere(sandbox.tokens.offline)).toEqual([]);
    expect(code).toBe(EXIT.CONFIG);
    const messages = report.servers[0]?.problems.map((p) => p.message).join("\n") ?? "";
    expect(messages).toContain(new URL(sandbox.urls.tokenEndpoint).origin);
    expect(messages).toContain(hostile.origin);
    expect(messages).toContain("--allow-new-origin");
  });

  it("refresh sends it nowhere, exits 5 and records no refresh", async () => {
    const { code, err } = await cmd(refresh, []);
    expect(sentAnywhere(sandbox.tokens.offline)).toEqual([]);
    expect(code).toBe(EXIT.CONFIG);
    expect(err).toContain("it is not sent there");
    const state = await openStateFile({ env: w.env }).read();
    expect(state.servers["rh"]).toBeUndefined();
  });

  it("controller push does not push it: the server has no usable token, and says why", async () => {
    const argv = ["controller", "push", "--credential", "hub", "--server", "rh"];
    const ctx = w.ctx({ env: { CONTROLLER_HOST: hostile.origin, CONTROLLER_OAUTH_TOKEN: "x".repeat(30) } });
    const code = await main([...argv], ctx);
    expect(code).toBe(EXIT.USAGE);
    expect(ctx.io.err.join("")).toContain("it is not sent there");
    expect(sentAnywhere(sandbox.tokens.offline)).toEqual([]);
  });

  it("exec and env exit 5, say the token was withheld and what to do; exec does not start the command", async () => {
    const e = await execEnv();
    expect(e.code).toBe(EXIT.CONFIG);
    expect(e.started).toBe(false);
    expect(e.err).toContain("the stored token for server rh was withheld");
    expect(e.err).toContain("the command was not started");
    const printed = await cmd(env, []);
    expect(printed.code).toBe(EXIT.CONFIG);
    expect(printed.out).toBe("");
    expect(printed.err).toContain("the stored token for server rh was withheld");
    expect(printed.err).not.toContain("nothing to set");
    for (const err of [e.err, printed.err]) {
      expect(err).toContain("--allow-new-origin");
      expect(err).toContain("answer yes");
      expect(err).toContain("bound there at once");
      expect(err).not.toContain("once accepted");
    }
  });

  it("exec does not put it in the child's environment, and env does not print it", async () => {
    const e = await execEnv();
    expect(e.childEnv["ANSIBLE_GALAXY_SERVER_RH_TOKEN"]).toBeUndefined();
    expect(e.err).toContain("it is not sent there");
    const printed = await cmd(env, []);
    expect(printed.out).not.toContain(sandbox.tokens.offline);
    expect(printed.err).toContain("it is not sent there");
  });
});

describe("moving a server to a new URL on purpose", () => {
  const OLD = { hub: "https://old-hub.example.test", auth: "https://old-sso.example.test" };

  beforeEach(async () => {
    await store("rh", sandbox.tokens.offline, OLD);
    w.writeConfig(ansibleCfg([{ id: "rh", ...sandboxServer() }]));
  });

  it("status --allow-new-origin checks it at the new origins and binds it there once accepted", async () => {
    expect((await statusJson()).code).toBe(EXIT.CONFIG);
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(OLD);
    const allowed = await statusJson(["--allow-new-origin"]);
    expect(allowed.code, allowed.out).toBe(EXIT.OK);
    expect(allowed.report.servers[0]?.check.state).toBe("ok");
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(bindingFor(sandboxServer()));
    const after = await statusJson();
    expect(after.code, after.out).toBe(EXIT.OK);
    expect(after.report.servers[0]?.problems).toEqual([]);
  });

  it("refresh --allow-new-origin refreshes at the new SSO, records it, and binds the token there", async () => {
    const { code, err } = await cmd(refresh, ["--allow-new-origin"]);
    expect(code, err).toBe(EXIT.OK);
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(bindingFor(sandboxServer()));
    const state = await openStateFile({ env: w.env }).read();
    expect(state.servers["rh"]).toBeDefined();
  });

  it("exec --allow-new-origin hands the token on, with a warning, and binds it", async () => {
    const e = await execEnv(["--allow-new-origin"]);
    expect(e.code).toBe(EXIT.OK);
    expect(e.childEnv["ANSIBLE_GALAXY_SERVER_RH_TOKEN"]).toBe(sandbox.tokens.offline);
    expect(e.err).toContain("--allow-new-origin");
    expect(e.err).not.toContain(sandbox.tokens.offline);
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(bindingFor(sandboxServer()));
  });
});

describe("a token stored by an earlier hub-setup (no binding recorded)", () => {
  it("keeps working where it is first used, is bound there with a one-time note, and goes nowhere else after", async () => {
    await store("rh", sandbox.tokens.offline);
    w.writeConfig(ansibleCfg([{ id: "rh", ...sandboxServer() }]));
    const first = await statusJson();
    expect(first.code, first.out).toBe(EXIT.OK);
    expect(first.report.servers[0]?.check.state).toBe("ok");
    expect(first.report.servers[0]?.problems).toEqual([]);
    expect(first.err).toContain("rh: the stored token had no recorded origins");
    expect(first.err).toContain(new URL(sandbox.urls.tokenEndpoint).origin);
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(bindingFor(sandboxServer()));
    const second = await statusJson();
    expect(second.report.servers[0]?.problems).toEqual([]);
    expect(second.err, "the note is printed once").toBe("");

    w.writeConfig(ansibleCfg([{ id: "rh", ...hostileServer() }]));
    const moved = await statusJson();
    expect(moved.code).toBe(EXIT.CONFIG);
    expect(sentAnywhere(sandbox.tokens.offline)).toEqual([]);
  });
});

describe("a token given to `hub-setup login`", () => {
  it("is bound where login checked it (replacing an older binding): moved to another origin, status refuses it", async () => {
    const OLD = { hub: "https://old-hub.example.test", auth: "https://old-sso.example.test" };
    await store("rh", "stale", OLD);
    w.writeConfig(ansibleCfg([{ id: "rh", ...sandboxServer() }]));
    const ctx = w.ctx({ env: { HUB_SETUP_TOKEN: sandbox.tokens.offline } });
    const code = await login(["--server", "rh", "--store", "file"], ctx);
    expect(code, ctx.io.out.join("") + ctx.io.err.join("")).toBe(EXIT.OK);
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(bindingFor(sandboxServer()));
    const here = await statusJson();
    expect(here.code, here.out).toBe(EXIT.OK);
    expect(here.err, "no first-use note: login bound it").toBe("");

    w.writeConfig(ansibleCfg([{ id: "rh", ...hostileServer() }]));
    const moved = await statusJson();
    expect(moved.code).toBe(EXIT.CONFIG);
    expect(moved.report.servers[0]?.problems.map((p) => p.message).join("\n")).toContain(
      "--allow-new-origin",
    );
    expect(sentAnywhere(sandbox.tokens.offline)).toEqual([]);
  });
});

describe("plain http to another machine", () => {
  it("is warned of, whatever the token's origin", async () => {
    const url = "http://hub.example.test/api/galaxy/content/published/";
    w.writeConfig(ansibleCfg([{ id: "pah", url }]));
    await store("pah", "0".repeat(40), bindingFor({ url }));
    const stored = await statusJson(["--offline"]);
    expect(stored.report.servers[0]?.problems.map((p) => p.message)).toContain(
      "the hub http://hub.example.test is plain http: the token would travel unencrypted to another machine (use https)",
    );
    const ctx = w.ctx({ env: { ANSIBLE_GALAXY_SERVER_PAH_TOKEN: "1".repeat(40) } });
    await status(["--json", "--offline"], ctx);
    const fromEnv = JSON.parse(ctx.io.out.join("")) as StatusReport;
    expect(fromEnv.servers[0]?.token?.origin).toBe("env");
    expect(fromEnv.servers[0]?.problems.map((p) => p.message).join("\n")).toContain("plain http");
  });
});
