import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, afterAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { requireTool } from "@hub-setup/test-utils";
import { BIN, requireBuiltBin, runBin } from "./support/built-bin.js";
import { installedCollection, throwAwayWorld, type Sandboxed } from "./support/temp-world.js";
import { snapshotTree } from "./support/fs-snapshot.js";
import { showsSecret, startTmux, type TmuxSession } from "./support/tmux.js";

const tmux = requireTool("tmux");
const galaxy = requireTool("ansible-galaxy");

let sandbox: Sandbox;
let session: TmuxSession | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  session?.kill();
  session = undefined;
});

function wizard(world: Sandboxed, args: string[]): TmuxSession {
  requireBuiltBin();
  session = startTmux([process.execPath, BIN, ...args], { env: world.env, cwd: world.project });
  return session;
}

/** No screen captured during the run showed a token (or 12 characters of one). */
function expectNoTokenOnScreen(s: TmuxSession, ...tokens: string[]): void {
  expect(s.screens.length).toBeGreaterThanOrEqual(3);
  for (const screen of s.screens) for (const token of tokens) expect(showsSecret(screen, token)).toBe(false);
}

async function installWithExec(world: Sandboxed): Promise<void> {
  const run = await runBin(["exec", "--", "ansible-galaxy", "collection", "install", "sandbox.demo"], world);
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(existsSync(installedCollection(world, "sandbox.demo"))).toBe(true);
}

const FLOW_MS = 120_000;

describe.skipIf(!tmux.available || !galaxy.available)("the built wizard in a real terminal (tmux)", () => {
  it(
    "walks the whole cloud flow against the sandbox, then ansible-galaxy installs through hub-setup exec",
    async () => {
      const world = throwAwayWorld();
      const { offline, hub } = sandbox.tokens;
      const s = wizard(world, [
        "--url",
        sandbox.urls.cloud.published,
        "--auth-url",
        sandbox.urls.tokenEndpoint,
      ]);
      await s.waitFor("Which hub do you want ansible-galaxy to use?");
      s.keys("Enter");
      await s.waitFor("Which content from the Automation Hub at 127.0.0.1");
      s.keys("Enter");
      await s.waitFor("Paste the offline token");
      s.type(hub);
      s.keys("Enter");
      await s.waitFor("not a Red Hat offline token");
      s.keys("C-u");
      s.type(offline);
      s.keys("Enter");
      await s.waitFor("accepts the token");
      await s.waitFor("Where should the token be kept?");
      s.keys("Enter");
      await s.waitFor("Which ansible.cfg should hold the servers?");
      s.keys("Up", "Enter");
      const diff = await s.waitFor("Write these changes to");
      expect(diff).toContain("+ [galaxy_server.rh_published]");
      expect(diff).toContain(`+ auth_url = ${sandbox.urls.tokenEndpoint}`);
      s.keys("Enter");
      await s.waitFor("Install the weekly refresh now?");
      s.type("n");
      s.keys("Enter");
      // tmux sets $SHELL: the shell-init offer (issue #13 item 4) comes last.
      await s.waitFor("Add it to your");
      s.type("n");
      s.keys("Enter");
      const end = await s.waitFor("[exit 0]");
      expect(end).toContain("hub-setup exec -- ansible-galaxy collection install");
      expectNoTokenOnScreen(s, offline, hub);

      const cfg = readFileSync(join(world.project, "ansible.cfg"), "utf8");
      expect(cfg).toContain(`url = ${sandbox.urls.cloud.published}`);
      expect(cfg).not.toContain(offline);
      await installWithExec(world);
    },
    FLOW_MS,
  );

  it(
    "walks the whole private-hub flow against the sandbox, then ansible-galaxy installs through hub-setup exec",
    async () => {
      const world = throwAwayWorld();
      const { offline, hub } = sandbox.tokens;
      const s = wizard(world, ["--url", sandbox.urls.private.published]);
      await s.waitFor("Which hub do you want ansible-galaxy to use?");
      s.keys("Down", "Enter");
      await s.waitFor("Which content from your private automation hub");
      s.keys("Down", "Space", "Enter");
      await s.waitFor("Paste the API token");
      s.type(offline);
      s.keys("Enter");
      await s.waitFor("not a private hub API token");
      s.keys("C-u");
      s.type(hub);
      s.keys("Enter");
      await s.waitFor(/rh-certified\/ accepts the token/);
      await s.waitFor("Where should the token be kept?");
      s.keys("Enter");
      await s.waitFor("Which ansible.cfg should hold the servers?");
      s.keys("Enter");
      await s.waitFor("Write these changes to");
      s.keys("Enter");
      await s.waitFor("Add it to your");
      s.type("n");
      s.keys("Enter");
      const end = await s.waitFor("[exit 0]");
      expect(end).toContain("pah_published");
      expect(end).toContain("pah_rh_certified");
      expectNoTokenOnScreen(s, offline, hub);

      const cfg = readFileSync(join(world.home, ".ansible.cfg"), "utf8");
      expect(cfg).toContain("[galaxy_server.pah_rh_certified]");
      expect(cfg).not.toContain(hub);
      await installWithExec(world);
    },
    FLOW_MS,
  );

  it(
    "Ctrl-C while the live check is running (spinner) stops it, exits 130 and writes nothing",
    async () => {
      const world = throwAwayWorld();
      const before = snapshotTree(world.root);
      sandbox.faults.set({ delay: { target: "private", ms: 20_000 } });
      try {
        const s = wizard(world, [
          "--hub",
          "private",
          "--url",
          sandbox.urls.private.published,
          "--repository",
          "published",
        ]);
        await s.waitFor("Paste the API token");
        s.type(sandbox.tokens.hub);
        s.keys("Enter");
        await s.waitFor("Checking http://127.0.0.1");
        s.keys("C-c");
        const end = await s.waitFor("[exit 130]");
        expect(end).toContain("Cancelled. Nothing was written.");
        expectNoTokenOnScreen(s, sandbox.tokens.hub);
      } finally {
        sandbox.faults.clear();
      }
      session?.kill();
      session = undefined;
      expect(snapshotTree(world.root)).toBe(before);
    },
    FLOW_MS,
  );

  it(
    "Ctrl-C at the token prompt, and Esc at the file question, leave the folders exactly as they were",
    async () => {
      for (const [stop, key] of [
        ["Paste the offline token", "C-c"],
        ["Which ansible.cfg should hold the servers?", "Escape"],
      ] as const) {
        const world = throwAwayWorld();
        const before = snapshotTree(world.root);
        const s = wizard(world, [
          "--hub",
          "cloud",
          "--url",
          sandbox.urls.cloud.published,
          "--auth-url",
          sandbox.urls.tokenEndpoint,
        ]);
        await s.waitFor("Which content from the Automation Hub at 127.0.0.1");
        s.keys("Enter");
        if (stop === "Which ansible.cfg should hold the servers?") {
          await s.waitFor("Paste the offline token");
          s.type(sandbox.tokens.offline);
          s.keys("Enter");
          await s.waitFor("Where should the token be kept?");
          s.keys("Enter");
        }
        await s.waitFor(stop);
        s.keys(key);
        const end = await s.waitFor("[exit 130]");
        expect(end).toContain("Cancelled. Nothing was written.");
        s.kill();
        session = undefined;
        expect(snapshotTree(world.root), `after ${key} at "${stop}"`).toBe(before);
      }
    },
    FLOW_MS,
  );
});
