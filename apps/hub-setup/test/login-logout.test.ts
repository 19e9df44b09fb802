/**
 * `hub-setup login` and `logout` with the built bin against the sandbox (issue #13 item 5): a "Load
 * token" on the private hub breaks the stored token, status names login, login makes status green
 * again; logout leaves no trace of the token in the store, ansible.cfg or any backup.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { requireBuiltBin, runBin, type BinRun } from "./support/built-bin.js";
import { throwAwayWorld, type Sandboxed } from "./support/temp-world.js";
import { showsSecret } from "@hub-setup/test-utils";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

/** Every run of the bin in the current test, and every token the test involved. */
const ran: BinRun[] = [];
const involved = new Set<string>();
beforeEach(() => {
  ran.length = 0;
  involved.clear();
  involved.add(sandbox.tokens.hub);
  involved.add(sandbox.tokens.offline);
});
// No run prints 12 characters of any token involved, on stdout or stderr, whatever the test asserted.
afterEach(() => {
  for (const [i, run] of ran.entries()) {
    for (const token of involved) {
      expect(showsSecret(run.stdout, token), `run ${i + 1}'s stdout shows a token`).toBe(false);
      expect(showsSecret(run.stderr, token), `run ${i + 1}'s stderr shows a token`).toBe(false);
    }
  }
});

async function bin(args: readonly string[], world: Sandboxed, input?: string): Promise<BinRun> {
  const run = await runBin(args, world, input);
  ran.push(run);
  return run;
}

function setUp(world: Sandboxed, token: string, store: "file" | "plaintext"): Promise<BinRun> {
  requireBuiltBin();
  return bin(
    [
      "--no-interactive",
      "--hub",
      "private",
      "--url",
      sandbox.urls.private.published,
      "--token-stdin",
      "--store",
      store,
      "--yes",
    ],
    world,
    `${token}\n`,
  );
}

/** Every file under `root` whose content shows 12 characters of `secret`. */
function filesHolding(root: string, secret: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile() && showsSecret(readFileSync(path, "latin1"), secret)) found.push(path);
    }
  };
  walk(root);
  return found;
}

describe("hub-setup login and logout (built bin, sandbox)", () => {
  it("after a Load token, status names `hub-setup login`; login checks the new token and status is green again", async () => {
    const world = throwAwayWorld();
    const old = sandbox.tokens.hub;
    expect((await setUp(world, old, "file")).status).toBe(0);
    expect((await bin(["status"], world)).status).toBe(0);

    const fresh = sandbox.hub.loadToken();
    involved.add(fresh);
    const broken = await bin(["status"], world);
    expect(broken.status, broken.stdout).toBe(3);
    expect(broken.stdout).toContain("→ with the new token: hub-setup login --server pah_published");

    // The old token is refused by the hub: nothing is stored, exit 3.
    const refused = await bin(["login", "--server", "pah_published", "--token-stdin"], world, `${old}\n`);
    expect(refused.status, refused.stdout + refused.stderr).toBe(3);

    const login = await bin(["login", "--server", "pah_published", "--token-stdin"], world, `${fresh}\n`);
    expect(login.status, login.stdout + login.stderr).toBe(0);
    expect(login.stdout).toContain("accepts the");
    expect(login.stdout).toContain("stored it for pah_published");
    for (const text of [broken.stdout, refused.stdout, refused.stderr, login.stdout, login.stderr]) {
      expect(showsSecret(text, old)).toBe(false);
      expect(showsSecret(text, fresh)).toBe(false);
    }
    const green = await bin(["status"], world);
    expect(green.status, green.stdout).toBe(0);
    expect(green.stdout).toContain("all fine");
  }, 120_000);

  it("login without --server when several servers exist is a usage error naming them", async () => {
    const world = throwAwayWorld();
    const run = await bin(
      [
        "--no-interactive",
        "--hub",
        "private",
        "--url",
        sandbox.urls.private.published,
        "--repository",
        "published",
        "--repository",
        "community",
        "--token-stdin",
        "--store",
        "file",
        "--yes",
      ],
      world,
      `${sandbox.tokens.hub}\n`,
    );
    expect(run.status, run.stderr).toBe(0);
    const login = await bin(["login", "--token-stdin"], world, `${sandbox.tokens.hub}\n`);
    expect(login.status).toBe(2);
    expect(login.stderr).toContain("login: which server? ");
    expect(login.stderr).toContain("pah_published, pah_community");
    expect(login.stderr).toContain("pass --server <id> (one of: pah_published, pah_community)");
  }, 120_000);

  it("logout --remove-server leaves no trace of the token in the store, ansible.cfg or any backup", async () => {
    const world = throwAwayWorld();
    const token = sandbox.tokens.hub;
    // First in plaintext, then moved to the store: the backup of ansible.cfg now holds the token.
    expect((await setUp(world, token, "plaintext")).status).toBe(0);
    expect((await setUp(world, token, "file")).status).toBe(0);
    expect(filesHolding(world.root, token).length).toBeGreaterThanOrEqual(2);

    const out = await bin(["logout", "--server", "pah_published", "--remove-server"], world);
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toContain("pah_published: token removed from the file store");
    expect(out.stdout).toContain("removed pah_published from");
    expect(out.stdout).toMatch(/removed the backup \S+\.bak: it held the token/);
    expect(showsSecret(out.stdout + out.stderr, token)).toBe(false);
    expect(filesHolding(world.root, token)).toEqual([]);
    const cfg = readFileSync(join(world.home, ".ansible.cfg"), "utf8");
    expect(cfg).not.toContain("galaxy_server.pah_published");
    expect(cfg).not.toMatch(/server_list\s*=.*pah_published/);

    // Nothing left to log out of: still exit 0, and it says so.
    const again = await bin(["logout", "--all"], world);
    expect(again.status, again.stderr).toBe(0);
  }, 120_000);

  it("logout without consent keeps the section and says how to remove it", async () => {
    const world = throwAwayWorld();
    expect((await setUp(world, sandbox.tokens.hub, "file")).status).toBe(0);
    const out = await bin(["logout"], world);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain("Kept [galaxy_server.pah_published]");
    expect(out.stdout).toContain("hub-setup logout --remove-server");
    expect(readFileSync(join(world.home, ".ansible.cfg"), "utf8")).toContain("[galaxy_server.pah_published]");
    expect(filesHolding(world.root, sandbox.tokens.hub)).toEqual([]);
    const status = await bin(["status", "--offline"], world);
    expect(status.stdout).toContain("hub-setup login --server pah_published");
  }, 120_000);
});
