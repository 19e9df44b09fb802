/**
 * Issue #13, "the first hour with hub-setup": one test per numbered item (1–9), each driving the built
 * bins in a real terminal (tmux) against the sandbox, asserting what the user sees, and that no screen
 * ever shows 12 characters of a token. (Item 7 drives hub-token-check too, and the real pre-commit.)
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { fakeHubToken, requireTool } from "@hub-setup/test-utils";
import { BIN, REPO_ROOT, requireBuiltBin, runBin } from "./support/built-bin.js";
import { installedCollection, throwAwayWorld, type Sandboxed } from "./support/temp-world.js";
import { showsSecret, startTmux, type TmuxSession } from "./support/tmux.js";

const tmux = requireTool("tmux");
const galaxy = requireTool("ansible-galaxy");
const git = requireTool("git");
const preCommit = requireTool("pre-commit");
const CHECKER = join(REPO_ROOT, "apps/hub-token-check/bin/hub-token-check.cjs");

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

    it.skipIf(!preCommit.available)(
      "7: the checker's advice names a --fix that runs here; install under the pre-commit framework prints the entry, chains nothing; the wizard does not offer the hook again",
      async () => {
        // hub-token-check installed on PATH (a link to the built command), as `npm install -g` puts it.
        const bin = join(throwAwayWorld().root, "bin");
        mkdirSync(bin);
        symlinkSync(CHECKER, join(bin, "hub-token-check"));
        const world = throwAwayWorld();
        world.env["PATH"] = `${bin}:${world.env["PATH"] ?? ""}`;
        world.env["PRE_COMMIT_HOME"] = join(world.root, "pre-commit-cache");
        for (const [k, v] of Object.entries({ GIT_AUTHOR_NAME: "T", GIT_COMMITTER_NAME: "T" }))
          world.env[k] = v;
        world.env["GIT_AUTHOR_EMAIL"] = world.env["GIT_COMMITTER_EMAIL"] = "t@example.com";
        const token = fakeHubToken("first-hour-7");
        const gitIn = (...args: string[]) =>
          execFileSync("git", args, { cwd: world.project, env: world.env, encoding: "utf8" });
        const shell = (command: string) => inTmux(world, ["sh", "-c", command]);
        const hooks = join(world.project, ".git", "hooks");
        gitIn("init", "-q");

        // A repository using the pre-commit framework: install writes nothing, prints the entry to paste.
        const hello =
          "repos:\n  - repo: local\n    hooks:\n      - id: say-hello\n        name: say hello\n        entry: echo hello\n        language: system\n";
        writeFileSync(join(world.project, ".pre-commit-config.yaml"), hello);
        execFileSync("pre-commit", ["install"], { cwd: world.project, env: world.env });
        const frameworkHook = readFileSync(join(hooks, "pre-commit"), "utf8");
        const install = shell("hub-token-check install");
        const advice = await install.waitFor("[exit 2]");
        expect(advice).toContain(
          "this repository uses the pre-commit framework, so no git hook of ours was written",
        );
        expect(advice).toContain("entry: hub-token-check");
        expect(readdirSync(hooks).filter((f) => !f.endsWith(".sample"))).toEqual(["pre-commit"]);
        expect(readFileSync(join(hooks, "pre-commit"), "utf8")).toBe(frameworkHook);
        // The entry as printed, pasted under repos:.
        const entry = advice.slice(advice.indexOf("  - repo: local"), advice.indexOf("[exit 2]"));
        writeFileSync(join(world.project, ".pre-commit-config.yaml"), hello + entry);

        // The wizard sees it runs there already, and offers no hook.
        writeFileSync(join(world.project, "ansible.cfg"), "[defaults]\nforks = 5\n", { mode: 0o644 });
        const wizard = hubSetup(world, [...privateFlags(), "--store", "file", "--yes", "--no-shell-init"]);
        await wizard.waitFor("Paste the API token");
        wizard.type(sandbox.tokens.hub);
        wizard.keys("Enter");
        await wizard.waitFor("Which ansible.cfg should hold the servers?");
        wizard.keys("Enter");
        const done = await wizard.waitFor("[exit 0]");
        expect(done).toContain("hub-token-check already runs on every commit here (.pre-commit-config.yaml)");
        expect(done).not.toContain("Install it as this repository's pre-commit hook");
        expect(readFileSync(join(hooks, "pre-commit"), "utf8")).toBe(frameworkHook);

        // A token staged: the framework runs the check once, and its advice runs as printed.
        writeFileSync(
          join(world.project, "ansible.cfg"),
          `[galaxy_server.lab]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`,
        );
        gitIn("add", ".pre-commit-config.yaml", "ansible.cfg");
        const commit = shell("git commit -m leak");
        const refused = await commit.waitFor("[exit 1]", 60_000);
        expect(refused.split("ansible.cfg:3:9: hub token in [galaxy_server.lab] token").length - 1).toBe(1);
        expect(refused).toContain("`hub-token-check --fix` moves the tokens into the secret store");
        const fix = shell("hub-token-check --fix");
        const fixed = await fix.waitFor("[exit 1]");
        expect(fixed).toContain("moved the token of [galaxy_server.lab] into the secret store");
        expect(readFileSync(join(world.project, "ansible.cfg"), "utf8")).not.toContain(token);

        // Only a backup copy staged: the advice says to delete it, and names no --fix, which refuses it.
        writeFileSync(join(world.project, "ansible.cfg.bak"), `[galaxy_server.lab]\ntoken = ${token}\n`);
        // (ansible.cfg re-staged as the advice says: --fix edits only the working tree.)
        gitIn("add", "ansible.cfg", "ansible.cfg.bak");
        const check = shell("hub-token-check");
        const backup = await check.waitFor("[exit 1]");
        expect(backup).toContain("These are backup copies, which `--fix` leaves alone: delete them");
        expect(backup).not.toContain("hub-token-check --fix");
        for (const s of [install, wizard, commit, fix, check])
          expectNoTokenOnScreen(s, token, sandbox.tokens.hub);
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
