/**
 * Issue #13, "the first hour with hub-setup": one test per numbered item (1–6, 8, 9), each driving the
 * built bin in a real terminal (tmux) against the sandbox, asserting what the user sees, and that no
 * screen ever shows 12 characters of a token. (Item 7 is the checker's, apps/precommit.)
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { requireTool } from "@hub-setup/test-utils";
import { BIN, requireBuiltBin, runBin } from "./support/built-bin.js";
import { installedCollection, throwAwayWorld, type Sandboxed } from "./support/temp-world.js";
import { showsSecret, startTmux, type TmuxSession } from "./support/tmux.js";

const tmux = requireTool("tmux");
const galaxy = requireTool("ansible-galaxy");
const git = requireTool("git");

let sandbox: Sandbox;
const sessions: TmuxSession[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

function inTmux(world: Sandboxed, argv: string[]): TmuxSession {
  requireBuiltBin();
  const s = startTmux(argv, { env: world.env, cwd: world.project });
  sessions.push(s);
  return s;
}

const hubSetup = (world: Sandboxed, args: string[]): TmuxSession =>
  inTmux(world, [process.execPath, BIN, ...args]);

/** No screen captured during the run showed a token (or 12 characters of one). */
function expectNoTokenOnScreen(s: TmuxSession, ...tokens: string[]): void {
  expect(s.screens.length).toBeGreaterThanOrEqual(2);
  for (const screen of s.screens) for (const token of tokens) expect(showsSecret(screen, token)).toBe(false);
}

/** The wizard set up for the private hub without a terminal (the given token in the file store). */
async function privateHubSetUp(world: Sandboxed, token: string): Promise<void> {
  const run = await runBin(
    [
      "--no-interactive",
      "--hub",
      "private",
      "--url",
      sandbox.urls.private.published,
      "--token-stdin",
      "--store",
      "file",
      "--yes",
    ],
    world,
    `${token}\n`,
  );
  expect(run.status, run.stderr).toBe(0);
}

const FLOW_MS = 150_000;
const privateFlags = () => [
  "--hub",
  "private",
  "--url",
  sandbox.urls.private.published,
  "--repository",
  "published",
];

describe.skipIf(!tmux.available || !galaxy.available || !git.available)(
  "issue #13 in a real terminal (tmux)",
  () => {
    it(
      "1: a refused token is cleared (no Ctrl-U needed), the field says how to paste and echoes only a length",
      async () => {
        const world = throwAwayWorld();
        const { offline, hub } = sandbox.tokens;
        const s = hubSetup(world, privateFlags());
        const empty = await s.waitFor("Paste the API token");
        expect(empty).toContain("paste with Ctrl-Shift-V or right-click");
        expect(empty).toContain("Ctrl-U clears");
        expect(empty).not.toContain("(input is hidden)");
        expect(empty).not.toContain("[input is masked]");
        s.type(offline);
        await s.waitFor(`●●●●●● ${offline.length} characters`);
        s.keys("Enter");
        await s.waitFor("not a private hub API token");
        await s.waitFor("The field is cleared: paste the token again.");
        // Enter alone now submits nothing, not the refused value again.
        s.keys("Enter");
        await s.waitFor("that is not a token");
        // No Ctrl-U: the next paste is the whole answer, not appended to the refused one.
        s.type(hub);
        await s.waitFor(`●●●●●● ${hub.length} characters`);
        s.keys("Enter");
        await s.waitFor("accepts the token");
        await s.waitFor("Where should the token be kept?");
        s.keys("C-c");
        await s.waitFor("[exit 130]");
        expectNoTokenOnScreen(s, offline, hub);
      },
      FLOW_MS,
    );

    it(
      "2: another hub and SSO are asked before any network call; labels follow the host; Try it names a served collection",
      async () => {
        const world = throwAwayWorld();
        const { offline } = sandbox.tokens;
        sandbox.log.clear();
        const s = hubSetup(world, []);
        await s.waitFor("Which hub do you want ansible-galaxy to use?");
        s.keys("Down", "Down", "Down");
        await s.waitFor(
          "asks the hub URL and the SSO token endpoint (auth_url) before anything is contacted",
        );
        s.keys("Enter");
        await s.waitFor("URL of Red Hat Automation Hub");
        s.type(sandbox.urls.cloud.published);
        s.keys("Enter");
        await s.waitFor("SSO token endpoint (auth_url) for that hub");
        s.type(sandbox.urls.tokenEndpoint);
        s.keys("Enter");
        const content = await s.waitFor(/Which content from the Automation Hub at 127\.0\.0\.1:\d+/);
        // Nothing was asked of any server yet: the URLs came first.
        expect(sandbox.log.entries()).toEqual([]);
        s.keys("Enter");
        await s.waitFor("Paste the offline token");
        s.type(offline);
        s.keys("Enter");
        await s.waitFor("accepts the token");
        await s.waitFor("Where should the token be kept?");
        s.keys("Enter");
        await s.waitFor("Which ansible.cfg should hold the servers?");
        s.keys("Enter");
        await s.waitFor("Write these changes to");
        s.keys("Enter");
        await s.waitFor("Install the weekly refresh now?");
        s.type("n");
        s.keys("Enter");
        await s.waitFor("Add it to your");
        s.type("n");
        s.keys("Enter");
        const end = await s.waitFor("[exit 0]");
        const served = sandbox.collections.filter((c) => end.includes(`collection install ${c}`));
        expect(served.length, end).toBe(1);
        expect(end).not.toContain("ansible.posix");
        expect(content + end).not.toContain("console.redhat.com)");
        expect(end).not.toContain("ENOTFOUND");
        expectNoTokenOnScreen(s, offline);
      },
      FLOW_MS,
    );

    it(
      "3: an address without a scheme is asked of both: the plain-HTTP sandbox gets 'did you mean http://…', no TLS advice",
      async () => {
        const world = throwAwayWorld();
        const bare = sandbox.urls.private.published.replace(/^http:\/\//, "");
        const s = hubSetup(world, ["--hub", "private", "--url", bare, "--repository", "published"]);
        const asked = await s.waitFor(`Did you mean http://${bare}?`);
        expect(asked).toMatch(/answers plain HTTP, not HTTPS/);
        s.keys("Enter");
        await s.waitFor("Paste the API token");
        s.type(sandbox.tokens.hub);
        s.keys("Enter");
        const checked = await s.waitFor("accepts the token");
        expect(checked).toContain(`http://${bare}`);
        expect(checked).not.toContain("wrong version number");
        expect(checked).not.toMatch(/CA bundle|certificate/i);
        s.keys("C-c");
        await s.waitFor("[exit 130]");
        expectNoTokenOnScreen(s, sandbox.tokens.hub);
      },
      FLOW_MS,
    );

    it(
      "4: the wizard adds shell-init to ~/.bashrc; in a fresh bash plain ansible-galaxy installs, and env holds no token",
      async () => {
        const world = throwAwayWorld({ SHELL: "/bin/bash" });
        const { hub } = sandbox.tokens;
        const s = hubSetup(world, [...privateFlags(), "--store", "file"]);
        await s.waitFor("Paste the API token");
        s.type(hub);
        s.keys("Enter");
        await s.waitFor("Which ansible.cfg should hold the servers?");
        s.keys("Enter");
        await s.waitFor("Write these changes to");
        s.keys("Enter");
        const offer = await s.waitFor("Add it to your bash start-up file now?");
        expect(offer).toContain("gives the token to nothing else in your shell");
        s.keys("Enter");
        const end = await s.waitFor("[exit 0]");
        expect(end).toContain("plain ansible-galaxy gets the token in every new bash");
        expectNoTokenOnScreen(s, hub);
        expect(readFileSync(join(world.home, ".ansible.cfg"), "utf8")).not.toContain(hub.slice(0, 12));

        const shell = inTmux(world, ["bash", "-i"]);
        await shell.waitFor(/[$#] $/m);
        shell.type("ansible-galaxy collection install sandbox.demo && echo INSTALL-OK");
        shell.keys("Enter");
        await shell.waitFor("INSTALL-OK", 90_000);
        shell.type('echo "tokens in env: $(env | grep -c ANSIBLE_GALAXY_SERVER_)"');
        shell.keys("Enter");
        await shell.waitFor("tokens in env: 0");
        expect(existsSync(installedCollection(world, "sandbox.demo"))).toBe(true);
        expectNoTokenOnScreen(shell, hub);
      },
      FLOW_MS,
    );

    it(
      "5: after a Load token, status names `hub-setup login`; login in a terminal makes status green; logout removes it",
      async () => {
        const world = throwAwayWorld();
        const old = sandbox.tokens.hub;
        await privateHubSetUp(world, old);
        const fresh = sandbox.hub.loadToken();

        const red = hubSetup(world, ["status"]);
        const broken = await red.waitFor("[exit 3]");
        expect(broken).toContain("→ with the new token: hub-setup login --server pah_published");

        const login = hubSetup(world, ["login"]);
        await login.waitFor("Paste the API token for pah_published");
        login.type(fresh);
        login.keys("Enter");
        const stored = await login.waitFor("[exit 0]");
        expect(stored).toContain("stored it for pah_published");

        const green = hubSetup(world, ["status"]);
        expect(await green.waitFor("[exit 0]")).toContain("all fine");

        const out = hubSetup(world, ["logout"]);
        await out.waitFor("Also remove [galaxy_server.pah_published]");
        out.type("y");
        out.keys("Enter");
        const gone = await out.waitFor("[exit 0]");
        expect(gone).toContain("token removed from the file store");
        expect(gone).toContain("removed pah_published from");
        for (const s of [red, login, green, out]) expectNoTokenOnScreen(s, old, fresh);
        expect(readFileSync(join(world.home, ".config", "hub-setup", "credentials"), "utf8")).not.toContain(
          fresh.slice(0, 12),
        );
      },
      FLOW_MS,
    );

    it(
      "6: with another server listed, the order step shows server_list, says it is tried in order, and moves the new one first",
      async () => {
        const world = throwAwayWorld();
        const cfg = join(world.project, "ansible.cfg");
        writeFileSync(
          cfg,
          `[galaxy]\nserver_list = mirror\n\n[galaxy_server.mirror]\nurl = ${sandbox.urls.private.community}\n`,
          { mode: 0o644 },
        );
        const s = hubSetup(world, [...privateFlags(), "--store", "file", "--no-shell-init"]);
        await s.waitFor("Paste the API token");
        s.type(sandbox.tokens.hub);
        s.keys("Enter");
        await s.waitFor("Which ansible.cfg should hold the servers?");
        s.keys("Enter");
        await s.waitFor(
          "ansible-galaxy tries the servers in server_list in order. Where should pah_published go?",
        );
        s.keys("Down", "Enter");
        const diff = await s.waitFor("Write these changes to");
        expect(diff).toContain("server_list = pah_published, mirror");
        expect(diff).toContain("tries these servers in this order");
        s.keys("Enter");
        await s.waitFor("[exit 0]");
        expect(readFileSync(cfg, "utf8")).toContain("server_list = pah_published, mirror");
        expectNoTokenOnScreen(s, sandbox.tokens.hub);
      },
      FLOW_MS,
    );

    it(
      "8: inside a git work tree the backup goes to the XDG state folder (0600 in 0700), the path printed, nothing beside",
      async () => {
        const world = throwAwayWorld();
        execFileSync("git", ["init", "-q", world.project], { env: world.env });
        const old = sandbox.tokens.hub;
        const cfg = join(world.project, "ansible.cfg");
        // A plaintext token the wizard is about to move into the store: the old file holds it.
        writeFileSync(
          cfg,
          `[galaxy]\nserver_list = pah_published\n\n[galaxy_server.pah_published]\nurl = ${sandbox.urls.private.published}\ntoken = ${old}\n`,
          { mode: 0o644 },
        );
        const s = hubSetup(world, [
          ...privateFlags(),
          "--store",
          "file",
          "--yes",
          "--no-pre-commit",
          "--no-shell-init",
        ]);
        await s.waitFor("Paste the API token");
        s.type(old);
        s.keys("Enter");
        await s.waitFor("Which ansible.cfg should hold the servers?");
        s.keys("Enter");
        const end = await s.waitFor("[exit 0]");
        const folder = join(world.home, ".local", "state", "hub-setup", "backups");
        const [name] = readdirSync(folder);
        expect(name).toMatch(/^ansible\.cfg\.[0-9a-f]{12}\.bak$/);
        expect(end).toContain(`(the old one is kept as ${join(folder, name ?? "")})`);
        expect(statSync(join(folder, name ?? "")).mode & 0o777).toBe(0o600);
        expect(statSync(folder).mode & 0o777).toBe(0o700);
        expect(statSync(join(world.home, ".local", "state", "hub-setup")).mode & 0o777).toBe(0o700);
        expect(readdirSync(world.project).sort()).toEqual([".git", "ansible.cfg"]);
        const staged = execFileSync("git", ["status", "--porcelain", "--untracked-files=all"], {
          cwd: world.project,
          env: world.env,
          encoding: "utf8",
        });
        expect(staged.trim()).toBe("?? ansible.cfg");
        expectNoTokenOnScreen(s, old);
      },
      FLOW_MS,
    );

    it(
      "9: the wording a new user met: one hint per field, no nested reasons, the private hub's own 'published'",
      async () => {
        const world = throwAwayWorld();
        writeFileSync(join(world.project, "ansible.cfg"), "[defaults]\nforks = 5\n", { mode: 0o644 });
        const s = hubSetup(world, ["--hub", "private", "--url", sandbox.urls.private.published]);
        const survey = await s.waitFor("Which content from your private automation hub");
        expect(survey).toContain(`Ansible reads ${join(world.project, "ansible.cfg")} (`);
        expect(survey).not.toContain("(Ansible reads this file");
        expect(survey).toContain("the collections your organisation published to this hub");
        expect(survey).not.toContain("Red Hat certified collections");
        s.keys("Enter");
        const field = await s.waitFor("Paste the API token");
        expect(field).not.toContain("(input is hidden)");
        expect(field).not.toContain("[input is masked]");
        s.type(sandbox.tokens.hub);
        s.keys("Enter");
        const store = await s.waitFor("Where should the token be kept?");
        // No D-Bus in this world: one plain sentence, not "not available here: … cannot be used here: …".
        expect(store).toMatch(/\(keyring: not available here: [^()]*\S/);
        expect(store).not.toContain("keyring cannot be used here");
        s.keys("C-c");
        await s.waitFor("[exit 130]");
        const ci = hubSetup(world, ["--no-interactive"]);
        const usage = await ci.waitFor("[exit 2]");
        expect(usage).toContain("no hub chosen: pass --hub cloud|private|both");
        expect(usage).not.toContain("is needed");
        expectNoTokenOnScreen(s, sandbox.tokens.hub);
      },
      FLOW_MS,
    );
  },
);
