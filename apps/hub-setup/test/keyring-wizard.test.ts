/**
 * The wizard, status, exec, login and logout against a real OS keyring (issue #13): gnome-keyring on a
 * private D-Bus session bus (test-utils' keyring session, one per file). `secret-tool` checks from
 * outside what hub-setup really stored; nothing may land in the file store by surprise.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import {
  deadBusEnv,
  keyringSessionPerFile,
  requireKeyringTools,
  requireTool,
  showsSecret,
  tempDir,
} from "@hub-setup/test-utils";
import { requireBuiltBin, runBin, type BinRun } from "./support/built-bin.js";
import { installedCollection, throwAwayWorld, type Sandboxed } from "./support/temp-world.js";

const tools = requireKeyringTools();
const galaxy = requireTool("ansible-galaxy");

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

const SLOW = 120_000;

describe.skipIf(!tools.available)("hub-setup with a real keyring (gnome-keyring on a private bus)", () => {
  const session = keyringSessionPerFile();

  const keyringWorld = (): Sandboxed =>
    throwAwayWorld({ DBUS_SESSION_BUS_ADDRESS: session().env.DBUS_SESSION_BUS_ADDRESS });

  /** What the keyring holds for a server id, asked from outside with secret-tool. */
  const lookup = (id: string) => session().secretTool(["lookup", "service", "hub-setup", "username", id]);

  const fileStore = (world: Sandboxed) => join(world.home, ".config", "hub-setup", "credentials");

  function expectQuiet(run: BinRun, ...tokens: string[]): void {
    for (const token of tokens) expect(showsSecret(run.stdout + run.stderr, token)).toBe(false);
  }

  it(
    "--store keyring: the token goes to the keyring (secret-tool finds it), status and exec use it, the file store stays empty",
    async () => {
      requireBuiltBin();
      const world = keyringWorld();
      const token = sandbox.tokens.hub;
      const setup = await runBin(
        [
          "--no-interactive",
          "--hub",
          "private",
          "--url",
          sandbox.urls.private.published,
          "--token-stdin",
          "--store",
          "keyring",
          "--yes",
        ],
        world,
        `${token}\n`,
      );
      expect(setup.status, setup.stderr).toBe(0);
      expect(setup.stdout).toContain("Tokens go to the keyring store");
      expectQuiet(setup, token);
      const stored = lookup("pah_published");
      expect(stored.status).toBe(0);
      expect(stored.stdout === token, "secret-tool reads back exactly the token").toBe(true);
      expect(readFileSync(join(world.home, ".ansible.cfg"), "utf8")).not.toContain(token.slice(0, 12));
      expect(
        !existsSync(fileStore(world)) || !readFileSync(fileStore(world), "utf8").includes(token),
        "nothing leaks to the file store",
      ).toBe(true);

      const status = await runBin(["status"], world);
      expect(status.status, status.stdout).toBe(0);
      expect(status.stdout).toContain("token store  keyring");
      expect(status.stdout).toContain("all fine");
      expectQuiet(status, token);

      if (galaxy.available) {
        const exec = await runBin(
          ["exec", "--", "ansible-galaxy", "collection", "install", "sandbox.demo"],
          world,
        );
        expect(exec.status, exec.stdout + exec.stderr).toBe(0);
        expect(existsSync(installedCollection(world, "sandbox.demo"))).toBe(true);
        expectQuiet(exec, token);
      }
    },
    SLOW,
  );

  it(
    "after a Load token: login replaces the keyring entry (status green again); logout removes it and the server",
    async () => {
      requireBuiltBin();
      const world = keyringWorld();
      const old = sandbox.tokens.hub;
      const setup = await runBin(
        [
          "--no-interactive",
          "--hub",
          "private",
          "--url",
          sandbox.urls.private.published,
          "--server-id",
          "kr_hub",
          "--token-stdin",
          "--store",
          "keyring",
          "--yes",
        ],
        world,
        `${old}\n`,
      );
      expect(setup.status, setup.stderr).toBe(0);
      const fresh = sandbox.hub.loadToken();
      expect((await runBin(["status"], world)).status).toBe(3);

      const login = await runBin(["login", "--server", "kr_hub", "--token-stdin"], world, `${fresh}\n`);
      expect(login.status, login.stdout + login.stderr).toBe(0);
      expect(login.stdout).toContain("OS keyring");
      expectQuiet(login, old, fresh);
      expect(lookup("kr_hub").stdout === fresh, "the keyring holds the new token").toBe(true);
      expect((await runBin(["status"], world)).status).toBe(0);

      const logout = await runBin(["logout", "--server", "kr_hub", "--remove-server"], world);
      expect(logout.status, logout.stdout + logout.stderr).toBe(0);
      expect(logout.stdout).toContain("kr_hub: token removed from the keyring store");
      expectQuiet(logout, fresh);
      const gone = lookup("kr_hub");
      expect(gone.stdout).toBe("");
      expect(gone.status).not.toBe(0);
      expect(readFileSync(join(world.home, ".ansible.cfg"), "utf8")).not.toContain("kr_hub");
      expect(!existsSync(fileStore(world)) || !readFileSync(fileStore(world), "utf8").includes(fresh)).toBe(
        true,
      );
    },
    SLOW,
  );

  it(
    "no session bus: --store keyring says the keyring cannot be used and how to go on, exit 5, nothing written",
    async () => {
      requireBuiltBin();
      const world = throwAwayWorld(deadBusEnv(tempDir("hub-setup-nobus-")));
      const run = await runBin(
        [
          "--no-interactive",
          "--hub",
          "private",
          "--url",
          sandbox.urls.private.published,
          "--token-stdin",
          "--store",
          "keyring",
          "--yes",
        ],
        world,
        `${sandbox.tokens.hub}\n`,
      );
      expect(run.status).toBe(5);
      expect(run.stderr).toContain("the keyring store cannot be used here:");
      expect(run.stderr).not.toContain("cannot be used here: the OS keyring cannot be used here");
      expect(run.stderr).toContain("--store file");
      expect(existsSync(join(world.home, ".ansible.cfg"))).toBe(false);
      expectQuiet(run, sandbox.tokens.hub);
    },
    SLOW,
  );

  // Last: a locked keyring cannot be unlocked again without a prompt.
  it(
    "a locked keyring: status says it is locked (exit 5) and never falls back to the file store",
    async () => {
      requireBuiltBin();
      const world = keyringWorld();
      const token = sandbox.tokens.hub;
      const setup = await runBin(
        [
          "--no-interactive",
          "--hub",
          "private",
          "--url",
          sandbox.urls.private.published,
          "--server-id",
          "locked_hub",
          "--token-stdin",
          "--store",
          "keyring",
          "--yes",
        ],
        world,
        `${token}\n`,
      );
      expect(setup.status, setup.stderr).toBe(0);
      session().lock();
      const status = await runBin(["status"], world);
      expect(status.status, status.stdout + status.stderr).toBe(5);
      expect(status.stdout + status.stderr).toMatch(/locked/);
      expectQuiet(status, token);
      expect(!existsSync(fileStore(world)) || !readFileSync(fileStore(world), "utf8").includes(token)).toBe(
        true,
      );
    },
    SLOW,
  );
});
