import { describe, expect, it } from "vitest";
import { HubSetupError } from "@hub-setup/core";
import { CANCEL, DEFAULT, type Script } from "../src/prompter/scripted.js";
import { parseSetupArgs } from "../src/commands/setup/options.js";
import { runSetup } from "../src/commands/setup/run.js";
import { fakeWorld, harness, type FakeWorld } from "./support/wizard-harness.js";
import { accessToken, hubToken, offlineToken } from "./support/tokens.js";

const interactive = parseSetupArgs([], true);
const USER_CFG = "/home/me/.ansible.cfg";
const PROJECT_CFG = "/work/project/ansible.cfg";

async function failure(promise: Promise<unknown>): Promise<HubSetupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubSetupError);
  return error as HubSetupError;
}

function cloudScript(token: string): Script {
  return {
    "Which hub": "cloud",
    "Which content from Red Hat": ["published", "validated"],
    "Paste the offline token": token,
    "Where should the token be kept": "file",
    "Which ansible.cfg": USER_CFG,
    "Write these changes": true,
    "Install the weekly refresh": false,
  };
}

function expectNoSecret(world: FakeWorld, output: string, ...secrets: string[]): void {
  for (const s of secrets) expect(output).not.toContain(s);
  void world;
}

describe("the wizard, interactive, against fake ports", () => {
  it("connects Red Hat Automation Hub: token in the file store, servers in ~/.ansible.cfg, nothing secret on screen", async () => {
    const world = fakeWorld();
    const token = offlineToken();
    const { deps, prompter, output } = harness(world, cloudScript(token));
    const result = await runSetup(interactive, deps);
    prompter.verify();

    expect(result.serverIds).toEqual(["rh_published", "rh_validated"]);
    const cfg = world.files.get(USER_CFG) ?? "";
    expect(cfg).toContain("[galaxy_server.rh_published]");
    expect(cfg).toContain("url = https://console.redhat.com/api/automation-hub/content/published/");
    expect(cfg).toContain("url = https://console.redhat.com/api/automation-hub/content/validated/");
    expect(cfg).toContain(
      "auth_url = https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token",
    );
    expect(cfg).toMatch(/server_list = rh_published, ?rh_validated/);
    expect(cfg).not.toContain(token);
    expect([...world.stores.file.entries()]).toEqual([
      ["rh_published", token],
      ["rh_validated", token],
    ]);
    expect(world.refreshed.map((r) => r.serverId)).toEqual(["rh_published", "rh_validated"]);
    expect(world.verifyCalls.map((c) => c.server.url)).toEqual([
      "https://console.redhat.com/api/automation-hub/content/published/",
      "https://console.redhat.com/api/automation-hub/content/validated/",
    ]);
    const screen = output();
    expect(screen).toContain("https://console.redhat.com/ansible/automation-hub/token");
    expect(screen).toContain("+ [galaxy_server.rh_published]");
    expect(screen).toContain("hub-setup exec -- ansible-galaxy collection install");
    expectNoSecret(world, screen, token);
  });

  it("binds each stored token to the hub and SSO origins it was just verified at (#16 item 3)", async () => {
    const world = fakeWorld();
    const { deps } = harness(world, cloudScript(offlineToken()));
    await runSetup(interactive, deps);
    const RED_HAT = { hub: "https://console.redhat.com", auth: "https://sso.redhat.com" };
    expect([...world.bindings.file.entries()]).toEqual([
      ["rh_published", RED_HAT],
      ["rh_validated", RED_HAT],
    ]);
  });

  it("connects a private hub with the token in plaintext: warned, and the diff still redacts it", async () => {
    const world = fakeWorld({ files: { [PROJECT_CFG]: "[defaults]\nforks = 5\n" }, sample: "ansible.posix" });
    const token = hubToken();
    const { deps, prompter, output } = harness(world, {
      "Which hub": "private",
      "URL of your private automation hub": "https://pah.example.com",
      "Which content from your private": ["rh-certified"],
      "Paste the API token": token,
      "Where should the token be kept": "plaintext",
      "Which ansible.cfg": DEFAULT,
      "Write these changes": true,
    });
    world.stores.file.set("pah_rh_certified", "an older token that would win under exec");
    world.stores.file.set("other", "kept");
    await runSetup(interactive, deps);
    prompter.verify();
    expect([...world.stores.file.entries()]).toEqual([["other", "kept"]]);
    const cfg = world.files.get(PROJECT_CFG) ?? "";
    expect(cfg.startsWith("[defaults]\nforks = 5\n")).toBe(true);
    expect(cfg).toContain("url = https://pah.example.com/api/galaxy/content/rh-certified/");
    expect(cfg).toContain(`token = ${token}`);
    expect(world.files.get(`${PROJECT_CFG}.bak`)).toBe("[defaults]\nforks = 5\n");
    const screen = output();
    expect(screen).toContain("warning: the token will be written in ansible.cfg in plain text");
    expect(screen).toMatch(/\+ token = <hub API token [0-9a-f]{4}…[0-9a-f]{4} \(40 chars\)>/);
    expect(screen).toContain("Collections › API token › Load token");
    expect(screen).toContain("ansible-galaxy collection install ansible.posix");
    expectNoSecret(world, screen, token);
  });

  it("says precisely why a token of the wrong kind does not fit, and asks again", async () => {
    const world = fakeWorld();
    const good = offlineToken();
    const script = {
      ...cloudScript(good),
      "Which content from Red Hat": ["published"],
      "Paste the offline token": { each: [hubToken(), accessToken(), good] },
    };
    const { deps, prompter } = harness(world, script);
    await runSetup(interactive, deps);
    prompter.verify();
    expect(prompter.refusals).toHaveLength(2);
    expect(prompter.refusals[0]).toContain(
      "is a private automation hub API token (40 hex characters), not a Red Hat offline token",
    );
    expect(prompter.refusals[1]).toContain("is a short-lived access token");
    for (const r of prompter.refusals)
      expect(r).toContain("https://console.redhat.com/ansible/automation-hub/token");
  });

  it("on a failed live check offers retry / edit URL / another token / stop, and checks again", async () => {
    const token = hubToken();
    const world = fakeWorld({
      verify: (server) =>
        server.url.startsWith("https://good.example.com/")
          ? { ok: true }
          : {
              ok: false,
              message: "this is not a hub API URL: HTTP 404",
              error: new HubSetupError("HUB_NOT_FOUND", "404"),
            },
    });
    const { deps, prompter, output } = harness(world, {
      "Which hub": "private",
      "URL of your private automation hub": { each: ["https://bad.example.com", "https://good.example.com"] },
      "Which content from your private": ["published"],
      "Paste the API token": token,
      "The check failed. What now?": { each: ["retry", "url"] },
      "Where should the token be kept": "file",
      "Which ansible.cfg": USER_CFG,
      "Write these changes": true,
    });
    await runSetup(interactive, deps);
    prompter.verify();
    expect(world.verifyCalls.map((c) => c.server.url)).toEqual([
      "https://bad.example.com/api/galaxy/content/published/",
      "https://bad.example.com/api/galaxy/content/published/",
      "https://good.example.com/api/galaxy/content/published/",
    ]);
    expect(output()).toContain("✘ this is not a hub API URL: HTTP 404");
    expect(world.files.get(USER_CFG)).toContain(
      "url = https://good.example.com/api/galaxy/content/published/",
    );
  });

  it("stopping after a failed check writes nothing and exits with the check's error", async () => {
    const world = fakeWorld({
      verify: () => ({
        ok: false,
        message: "token not accepted",
        error: new HubSetupError("TOKEN_REJECTED", "token not accepted"),
      }),
    });
    const { deps } = harness(world, {
      "Which hub": "private",
      "URL of your private automation hub": "https://pah.example.com",
      "Which content from your private": ["published"],
      "Paste the API token": hubToken(),
      "The check failed. What now?": "abort",
    });
    const before = world.snapshot();
    expect((await failure(runSetup(interactive, deps))).code).toBe("TOKEN_REJECTED");
    expect(world.snapshot()).toBe(before);
  });

  it("asks before replacing a server with the same id, and takes another id when told no", async () => {
    const existing =
      "[galaxy]\nserver_list = rh_published\n\n[galaxy_server.rh_published]\nurl = https://old.example.com/\n";
    const world = fakeWorld({ files: { [USER_CFG]: existing } });
    const { deps, prompter } = harness(world, {
      ...cloudScript(offlineToken()),
      "Which content from Red Hat": ["published"],
      "A server named rh_published already exists": false,
      "Another id for the server": { each: ["Bad-Id", "rh_published", "rh_certified"] },
      "ansible-galaxy tries the servers": "first",
    });
    const result = await runSetup(interactive, deps);
    prompter.verify();
    expect(result.serverIds).toEqual(["rh_certified"]);
    // The order step: the new server first, as asked, and the resulting list shown (issue #13 item 6).
    expect(world.files.get(USER_CFG)).toContain("server_list = rh_certified, rh_published");
    expect(prompter.refusals[0]).toContain("not a valid shell name");
    expect(prompter.refusals[1]).toContain("rh_published is taken");
    const cfg = world.files.get(USER_CFG) ?? "";
    expect(cfg).toContain("url = https://old.example.com/");
    expect(cfg).toContain("[galaxy_server.rh_certified]");
  });

  it("moving a plaintext token out of ansible.cfg removes its line, and the diff shows it only redacted", async () => {
    const old = hubToken();
    const existing = `[galaxy]\nserver_list = pah_published\n\n[galaxy_server.pah_published]\nurl = https://pah.example.com/api/galaxy/content/published/\ntoken = ${old}\n`;
    const world = fakeWorld({ files: { [USER_CFG]: existing } });
    const token = hubToken();
    const { deps, prompter, output } = harness(world, {
      "Which hub": "private",
      "URL of your private automation hub": "https://pah.example.com",
      "Which content from your private": ["published"],
      "Paste the API token": token,
      "Where should the token be kept": "file",
      "Which ansible.cfg": USER_CFG,
      "A server named pah_published already exists": true,
      "Write these changes": true,
    });
    await runSetup(interactive, deps);
    prompter.verify();
    expect(world.files.get(USER_CFG)).toBe(
      "[galaxy]\nserver_list = pah_published\n\n[galaxy_server.pah_published]\nurl = https://pah.example.com/api/galaxy/content/published/\n",
    );
    expect(output()).toMatch(/- token = <hub API token [0-9a-f]{4}…[0-9a-f]{4} \(40 chars\)>/);
    expectNoSecret(world, output(), old, token);
  });

  it("rolls the store entries back when the ansible.cfg write fails", async () => {
    const world = fakeWorld({ failWrite: true });
    world.stores.file.set("rh_published", "an older token that must come back");
    const { deps } = harness(world, { ...cloudScript(offlineToken()) });
    expect((await failure(runSetup(interactive, deps))).code).toBe("CONFIG_LOCKED");
    expect([...world.stores.file.entries()]).toEqual([
      ["rh_published", "an older token that must come back"],
    ]);
  });

  it("offers the keep-alive schedule and the pre-commit hook, and runs what was accepted", async () => {
    const world = fakeWorld({ git: true });
    const { deps, prompter, output } = harness(world, {
      ...cloudScript(offlineToken()),
      "Install the weekly refresh": true,
      "Install it as this repository's pre-commit hook": true,
    });
    await runSetup(interactive, deps);
    prompter.verify();
    expect(world.scheduled).toBe(1);
    expect(world.hooks).toBe(1);
    expect(output()).toContain("pre-commit hook installed");
  });

  it("does not offer the hook again where hub-token-check already runs, nor chain one under the pre-commit framework (issue #13 item 7)", async () => {
    for (const [state, said] of [
      ["hook", "hub-token-check already runs on every commit here (the git pre-commit hook)"],
      ["framework", "hub-token-check already runs on every commit here (.pre-commit-config.yaml)"],
      [
        "framework-without",
        "This repository uses the pre-commit framework: add it to .pre-commit-config.yaml",
      ],
    ] as const) {
      const world = fakeWorld({ git: true, hookState: state });
      const { deps, prompter, output } = harness(world, {
        ...cloudScript(offlineToken()),
        "Install the weekly refresh": false,
      });
      await runSetup(interactive, deps);
      prompter.verify();
      expect(world.hooks, state).toBe(0);
      expect(output(), state).toContain(said);
      expect(output(), state).not.toContain("Install it as this repository's pre-commit hook");
    }
  });
});

describe("both hubs, and what comes after the write", () => {
  it("connects both hubs: one token each, checked against each hub, servers rh_* then pah_*", async () => {
    const world = fakeWorld();
    const cloud = offlineToken();
    const pah = hubToken();
    const { deps, prompter, output } = harness(world, {
      "Which hub": "both",
      "Which content from Red Hat": ["published"],
      "URL of your private automation hub": "https://pah.example.com",
      "Which content from your private": ["rh-certified"],
      "Paste the offline token": cloud,
      "Paste the API token": pah,
      "Where should the token be kept": "file",
      "Which ansible.cfg": USER_CFG,
      "Write these changes": true,
      "Install the weekly refresh": false,
    });
    const result = await runSetup(interactive, deps);
    prompter.verify();
    expect(result.serverIds).toEqual(["rh_published", "pah_rh_certified"]);
    expect(
      world.verifyCalls.map((c) => [c.server.kind, c.token === cloud ? "cloud token" : "hub token"]),
    ).toEqual([
      ["cloud", "cloud token"],
      ["private", "hub token"],
    ]);
    expect(world.files.get(USER_CFG)).toMatch(/server_list = rh_published, ?pah_rh_certified/);
    expectNoSecret(world, output(), cloud, pah);
  });

  it("Ctrl-C at an offer after the write keeps what was written and says so", async () => {
    const world = fakeWorld();
    const { deps, output } = harness(world, {
      ...cloudScript(offlineToken()),
      "Install the weekly refresh": CANCEL,
    });
    await runSetup(interactive, deps);
    expect(world.files.get(USER_CFG)).toContain("[galaxy_server.rh_published]");
    expect(output()).toContain(
      "Skipped the rest. /home/me/.ansible.cfg and the store are written and ready.",
    );
  });
});

describe("Ctrl-C or Esc at any question", () => {
  it("writes nothing at all and rejects with CANCELLED, whichever question it is", async () => {
    const full: Script = {
      ...cloudScript(offlineToken()),
      "A server named rh_published already exists": true,
    };
    const existing =
      "# mine\n[galaxy]\nserver_list = rh_published\n\n[galaxy_server.rh_published]\nurl = https://old.example.com/\n";
    const keys = Object.keys(full).filter((k) => k !== "Install the weekly refresh");
    for (const key of keys) {
      const world = fakeWorld({ files: { [USER_CFG]: existing } });
      world.stores.file.set("other", "x");
      const before = world.snapshot();
      const { deps, prompter } = harness(world, { ...full, [key]: CANCEL });
      const error = await failure(runSetup(interactive, deps));
      expect(error.code, key).toBe("CANCELLED");
      expect(prompter.asked.at(-1)?.message.startsWith(key), key).toBe(true);
      expect(world.snapshot(), `after Ctrl-C at "${key}"`).toBe(before);
    }
  });
});

describe("without a terminal (--no-interactive)", () => {
  const run = (argv: string[], world: FakeWorld) => {
    const { deps, prompter, output } = harness(world, {});
    return { promise: runSetup(parseSetupArgs(argv, false), deps), prompter, output };
  };

  it("never asks, and a missing answer is a usage error naming the flag", async () => {
    const cases: [string[], Record<string, string>, string][] = [
      [[], {}, "--hub cloud|private|both"],
      [["--hub", "private"], {}, "--url <hub URL>"],
      [["--hub", "cloud"], {}, "--token-stdin or HUB_SETUP_TOKEN"],
      [["--hub", "cloud"], { HUB_SETUP_TOKEN: offlineToken() }, "--yes"],
    ];
    for (const [argv, env, flag] of cases) {
      const world = fakeWorld({ env });
      const { promise, prompter } = run(argv, world);
      const error = await failure(promise);
      expect(error.code).toBe("USAGE");
      expect(error.message).toContain(`pass ${flag}`);
      expect(prompter.asked).toEqual([]);
      expect(world.files.size).toBe(0);
    }
  });

  it("runs the whole flow from flags, the token from stdin", async () => {
    const token = hubToken();
    const world = fakeWorld({ stdin: `${token}\n` });
    const { promise, prompter } = run(
      [
        "--hub",
        "private",
        "--url",
        "https://pah.example.com",
        "--repository",
        "published",
        "--repository",
        "community",
        "--token-stdin",
        "--store",
        "file",
        "--config",
        PROJECT_CFG,
        "--yes",
        "--server-id",
        "corp",
      ],
      world,
    );
    const result = await promise;
    expect(prompter.asked).toEqual([]);
    expect(result.serverIds).toEqual(["corp_published", "corp_community"]);
    expect(world.files.get(PROJECT_CFG)).toContain("[galaxy_server.corp_community]");
    expect(world.stores.file.get("corp_community")).toBe(token);
  });

  it("reads a relative --config against the current folder: no false 'Ansible reads … here' warning", async () => {
    const token = hubToken();
    const world = fakeWorld({ stdin: `${token}\n`, files: { [PROJECT_CFG]: "[defaults]\nforks = 5\n" } });
    const flags = ["--hub", "private", "--url", "https://pah.example.com", "--repository", "published"];
    const rest = ["--token-stdin", "--store", "file", "--yes"];
    const { promise, output } = run([...flags, ...rest, "--config", "./ansible.cfg"], world);
    await promise;
    expect(output()).not.toContain("warning: Ansible reads");
    expect(output()).toContain(`--- ${PROJECT_CFG}`);
    expect(world.files.get(PROJECT_CFG)).toContain("[galaxy_server.pah_published]");
    expect(world.files.has("./ansible.cfg")).toBe(false);

    const other = fakeWorld({ stdin: `${token}\n`, files: { [PROJECT_CFG]: "[defaults]\n" } });
    const elsewhere = run([...flags, ...rest, "--config", "sub/../../other.cfg"], other);
    await elsewhere.promise;
    expect(elsewhere.output()).toContain(`warning: Ansible reads ${PROJECT_CFG} here, not /work/other.cfg`);
    expect(other.files.has("/work/other.cfg")).toBe(true);
  });

  it("fails with the check's error code when the live check fails", async () => {
    const world = fakeWorld({
      env: { HUB_SETUP_TOKEN: offlineToken() },
      verify: () => ({ ok: false, message: "no answer", error: new HubSetupError("NETWORK", "no answer") }),
    });
    expect((await failure(run(["--hub", "cloud", "--yes"], world).promise)).code).toBe("NETWORK");
    expect(world.files.size).toBe(0);
  });

  it("refuses a wrong-kind token from the environment with the reason, as an auth failure", async () => {
    const world = fakeWorld({ env: { HUB_SETUP_TOKEN: hubToken() } });
    const error = await failure(run(["--hub", "cloud", "--yes"], world).promise);
    expect(error.code).toBe("INVALID_TOKEN");
    expect(error.message).toContain("the token from HUB_SETUP_TOKEN");
    expect(error.message).toContain("not a Red Hat offline token");
  });

  it("needs --yes to replace an existing server", async () => {
    const world = fakeWorld({
      env: { HUB_SETUP_TOKEN: offlineToken() },
      files: { [USER_CFG]: "[galaxy_server.rh_published]\nurl = https://x.example.com/\n" },
    });
    const error = await failure(run(["--hub", "cloud"], world).promise);
    expect(error.message).toContain("server rh_published already exists");
    expect(error.message).toContain("--yes");
  });
});
