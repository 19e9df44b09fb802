/**
 * The interactive half of the token-binding rule (#16 item 3): in a terminal, status, refresh, exec and
 * env ask once per server before withholding a stored token whose server moved; yes is
 * --allow-new-origin for that server, no (the default) keeps the refusal and its exit code, and without a
 * terminal (or with --no-interactive) nothing is asked. Real store, real config loader, the sandbox and a
 * recording server on 127.0.0.1; the questions are answered by the prompt-keyed scripted Prompter.
 */
import { PassThrough } from "node:stream";
import { bindingFor, type TokenBinding } from "@hub-setup/core";
import { openSecretStore, openStateFile } from "@hub-setup/core/node";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { workspacePorts } from "../src/adapters/workspace.js";
import { run as envCommand } from "../src/commands/env/index.js";
import { runEnv } from "../src/commands/env/run.js";
import { runExec } from "../src/commands/exec/run.js";
import { runRefresh } from "../src/commands/refresh/run.js";
import { runStatus } from "../src/commands/status/run.js";
import { EXIT } from "../src/exit-codes.js";
import type { SpawnPort } from "../src/ports.js";
import { mayPrompt, terminalPrompter } from "../src/prompter/may-prompt.js";
import { scriptedPrompter, type ScriptedPrompter } from "../src/prompter/scripted.js";
import { NEW_ORIGIN_QUESTION } from "../src/servers/new-origin.js";
import { memoryIo } from "./support/io.js";
import { ansibleCfg, world, type World } from "./support/temp-world.js";
import { recordingServer } from "./support/recording-server.js";

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

const OLD: TokenBinding = { hub: "https://old-hub.example.test", auth: "https://old-sso.example.test" };
const sandboxServer = () => ({ url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint });
const hostileServer = () => ({
  url: `${hostile.origin}/api/automation-hub/content/published/`,
  authUrl: `${hostile.origin}/auth/realms/redhat-external/protocol/openid-connect/token`,
});

async function store(id: string, token: string, binding?: TokenBinding) {
  await (await openSecretStore({ env: w.env, backend: "file" })).set(id, token, binding);
}

async function boundTo(id: string, token: string) {
  return (await openSecretStore({ env: w.env, backend: "file" })).binding(id, token);
}

function output() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t: string) => void out.push(t),
    stderr: (t: string) => void err.push(t),
    text: () => ({ out: out.join(""), err: err.join("") }),
  };
}

const ports = () => workspacePorts({ env: w.env, cwd: w.project });
const signal = () => new AbortController().signal;

async function status(argv: string[], prompter: ScriptedPrompter | undefined) {
  const o = output();
  const code = await runStatus(argv, {
    ...ports(),
    now: () => new Date(),
    signal: signal(),
    stdout: o.stdout,
    stderr: o.stderr,
    prompter,
  });
  return { code, ...o.text() };
}

async function refresh(argv: string[], prompter: ScriptedPrompter | undefined) {
  const o = output();
  const code = await runRefresh(argv, {
    ...ports(),
    now: () => new Date(),
    signal: signal(),
    stdout: o.stdout,
    stderr: o.stderr,
    prompter,
  });
  return { code, ...o.text() };
}

async function exec(argv: string[], prompter: ScriptedPrompter | undefined) {
  const o = output();
  const spawned: Array<Record<string, string>> = [];
  const spawn: SpawnPort = (_command, _args, options) => {
    spawned.push(options.env);
    return { exited: Promise.resolve({ kind: "exit", code: 0, signal: null }), kill: () => undefined };
  };
  const { loadConfig, openStore } = ports();
  const code = await runExec([...argv, "--", "true"], {
    loadConfig,
    openStore,
    env: w.env,
    cwd: w.project,
    spawn,
    signal: signal(),
    stdout: o.stdout,
    stderr: o.stderr,
    prompter,
  });
  return { code, childEnv: spawned[0] ?? {}, ...o.text() };
}

async function env(argv: string[], prompter: ScriptedPrompter | undefined) {
  const o = output();
  const { loadConfig, openStore } = ports();
  const code = await runEnv(["--shell", "sh", ...argv], {
    loadConfig,
    openStore,
    env: w.env,
    stdoutIsTerminal: false,
    stdout: o.stdout,
    stderr: o.stderr,
    prompter,
  });
  return { code, ...o.text() };
}

const answer = (yes: boolean) => scriptedPrompter({ [`${NEW_ORIGIN_QUESTION} rh`]: yes });
const VAR = "ANSIBLE_GALAXY_SERVER_RH_TOKEN";

describe("a stored token whose server moved, in a terminal", () => {
  beforeEach(async () => {
    await store("rh", sandbox.tokens.offline, OLD);
    w.writeConfig(ansibleCfg([{ id: "rh", ...sandboxServer() }]));
  });

  it("status asks once, naming the server and both origins, default No", async () => {
    const p = answer(false);
    await status(["--offline"], p);
    p.verify();
    expect(p.asked).toHaveLength(1);
    const [q] = p.asked;
    expect(q?.kind).toBe("confirm");
    expect(q?.question).toMatchObject({ default: false });
    expect(q?.message).toContain(" rh ");
    expect(q?.message).toContain(OLD.hub);
    expect(q?.message).toContain(OLD.auth);
    expect(q?.message).toContain(new URL(sandbox.urls.cloud.published).origin);
    expect(q?.message).toContain(new URL(sandbox.urls.tokenEndpoint).origin);
    expect(q?.message).not.toContain(sandbox.tokens.offline.slice(0, 12));
  });

  it("status: no keeps the refusal (exit 5, binding kept); yes checks it there, binds it, and the next run asks nothing", async () => {
    const no = await status([], answer(false));
    expect(no.code).toBe(EXIT.CONFIG);
    expect(no.out).toContain("it is not sent there");
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(OLD);

    const p = answer(true);
    const yes = await status([], p);
    p.verify();
    expect(yes.code, yes.out).toBe(EXIT.OK);
    expect(yes.out).toContain("you answered yes");
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(bindingFor(sandboxServer()));

    const none = scriptedPrompter({});
    const after = await status([], none);
    none.verify();
    expect(none.asked).toEqual([]);
    expect(after.code, after.out).toBe(EXIT.OK);
  });

  it("refresh: no refreshes nothing (exit 5, no time recorded); yes refreshes at the new SSO and binds it", async () => {
    const no = await refresh([], answer(false));
    expect(no.code).toBe(EXIT.CONFIG);
    expect((await openStateFile({ env: w.env }).read()).servers["rh"]).toBeUndefined();
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(OLD);

    const p = answer(true);
    const yes = await refresh([], p);
    p.verify();
    expect(yes.code, yes.err).toBe(EXIT.OK);
    expect((await openStateFile({ env: w.env }).read()).servers["rh"]).toBeDefined();
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(bindingFor(sandboxServer()));
  });

  it("exec: no leaves it out of the child's environment; yes hands it on and binds it at once", async () => {
    const no = await exec([], answer(false));
    expect(no.code, "a withheld token is a configuration problem").toBe(EXIT.CONFIG);
    expect(no.childEnv[VAR]).toBeUndefined();
    expect(no.err).toContain("it is not sent there");
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(OLD);

    const p = answer(true);
    const yes = await exec([], p);
    p.verify();
    expect(yes.code).toBe(EXIT.OK);
    expect(yes.childEnv[VAR]).toBe(sandbox.tokens.offline);
    expect(yes.err).not.toContain(sandbox.tokens.offline);
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(bindingFor(sandboxServer()));
  });

  it("env: no prints no line for it; yes prints it and binds it at once", async () => {
    const no = await env([], answer(false));
    expect(no.code, "a withheld token is a configuration problem").toBe(EXIT.CONFIG);
    expect(no.out).not.toContain(sandbox.tokens.offline);
    expect(no.err).toContain("it is not sent there");

    const p = answer(true);
    const yes = await env([], p);
    p.verify();
    expect(yes.out).toContain(`${VAR}=`);
    expect(yes.out).toContain(sandbox.tokens.offline);
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(bindingFor(sandboxServer()));
  });

  it("--no-interactive asks nothing, in every command, and keeps the refusal", async () => {
    const runs = {
      status: (p: ScriptedPrompter) => status(["--offline", "--no-interactive"], p),
      refresh: (p: ScriptedPrompter) => refresh(["--no-interactive"], p),
      exec: (p: ScriptedPrompter) => exec(["--no-interactive"], p),
      env: (p: ScriptedPrompter) => env(["--no-interactive"], p),
    };
    for (const [name, run] of Object.entries(runs)) {
      const none = scriptedPrompter({});
      const r = await run(none);
      none.verify();
      expect(none.asked, name).toEqual([]);
      expect(r.out + r.err, name).toContain("it is not sent there");
    }
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(OLD);
  });

  it("without a terminal no Prompter exists, so nothing can be asked (cron, CI, eval)", async () => {
    for (const r of [await status([], undefined), await refresh([], undefined)]) {
      expect(r.code).toBe(EXIT.CONFIG);
    }
    expect((await exec([], undefined)).childEnv[VAR]).toBeUndefined();
    expect((await env([], undefined)).out).not.toContain(sandbox.tokens.offline);
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(OLD);
  });

  it("a token the environment overrides is not asked about: the stored one would not be sent anyway", async () => {
    w.env[VAR] = "0".repeat(40);
    const none = scriptedPrompter({});
    await status(["--offline"], none);
    none.verify();
    expect(none.asked).toEqual([]);
  });
});

describe("a stored token whose server an ansible.cfg points at another host", () => {
  beforeEach(async () => {
    await store("rh", sandbox.tokens.offline, bindingFor(sandboxServer()));
    w.writeConfig(ansibleCfg([{ id: "rh", ...hostileServer() }]));
  });

  const sent = () =>
    hostile.seen.filter(
      (s) =>
        s.body.includes(sandbox.tokens.offline) || JSON.stringify(s.headers).includes(sandbox.tokens.offline),
    );

  it("status: no sends it nowhere; yes sends it there, but binds it only if the hub accepts it", async () => {
    await status([], answer(false));
    expect(sent()).toEqual([]);
    const yes = await status([], answer(true));
    expect(sent().length).toBeGreaterThan(0);
    expect(yes.code).not.toBe(EXIT.OK);
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(bindingFor(sandboxServer()));
  });
});

describe("the question's text", () => {
  it("says when the new origin is plain http to another machine", async () => {
    const url = "http://hub.example.test/api/galaxy/content/published/";
    w.writeConfig(ansibleCfg([{ id: "pah", url }]));
    await store("pah", "0".repeat(40), { hub: "https://hub.example.test" });
    const p = scriptedPrompter({ [`${NEW_ORIGIN_QUESTION} pah`]: false });
    await status(["--offline"], p);
    p.verify();
    expect(p.asked[0]?.message).toContain("hub.example.test is plain http");
    expect(p.asked[0]?.message).toContain("https://hub.example.test");
  });
});

describe("who may ask (the wizard's terminal rule)", () => {
  it("status, refresh and exec ask on stdout, env on stderr: each needs stdin and that stream to be terminals", () => {
    const evalled = { isInteractiveTerminal: false, stderrIsInteractiveTerminal: true };
    expect(mayPrompt(evalled, "stderr")).toBe(true);
    expect(mayPrompt(evalled, "stdout")).toBe(false);
    const cron = { isInteractiveTerminal: false, stderrIsInteractiveTerminal: false };
    expect(mayPrompt(cron, "stdout")).toBe(false);
    expect(mayPrompt(cron, "stderr")).toBe(false);
    expect(terminalPrompter({ io: memoryIo(), signal: signal() }, "stdout")).toBeUndefined();
  });

  it("env writes its question to the terminal's stderr stream, never to stdout (which the shell evaluates)", async () => {
    await store("rh", sandbox.tokens.offline, OLD);
    w.writeConfig(ansibleCfg([{ id: "rh", ...sandboxServer() }]));
    const stdin = new PassThrough();
    const tty = new PassThrough();
    let shown = "";
    let answered = false;
    tty.on("data", (chunk: Buffer) => {
      shown += chunk.toString("utf8");
      if (shown.includes(NEW_ORIGIN_QUESTION) && !answered) {
        answered = true;
        setTimeout(() => stdin.write("y\r"), 50);
      }
    });
    const io = memoryIo({
      env: { ...w.env, SHELL: "/bin/sh" },
      cwd: w.project,
      stdin,
      stderrIsInteractiveTerminal: true,
      stderrStream: tty,
    });
    const code = await envCommand([], { io, version: "0", signal: signal(), now: () => new Date() });
    expect(code, shown).toBe(EXIT.OK);
    expect(shown).toContain(`${NEW_ORIGIN_QUESTION} rh`);
    const stdout = io.out.join("");
    expect(stdout).not.toContain(NEW_ORIGIN_QUESTION);
    expect(stdout).toContain(sandbox.tokens.offline);
    expect(await boundTo("rh", sandbox.tokens.offline)).toEqual(bindingFor(sandboxServer()));
  });
});
