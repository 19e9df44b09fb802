import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { requireTool } from "@hub-setup/test-utils";
import { requireBuiltBin, runBin, type BinRun } from "./support/built-bin.js";
import { installedCollection, throwAwayWorld, type Sandboxed } from "./support/temp-world.js";
import { snapshotTree } from "./support/fs-snapshot.js";
import { showsSecret } from "./support/tmux.js";

const galaxy = requireTool("ansible-galaxy");

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

/** Sets up a private hub with the built bin, from flags and the token on stdin, into the file store. */
async function setUpPrivateHub(world: Sandboxed): Promise<BinRun> {
  requireBuiltBin();
  return runBin(
    [
      "--no-interactive",
      "--hub",
      "private",
      "--url",
      sandbox.urls.private.published,
      "--repository",
      "published",
      "--token-stdin",
      "--store",
      "file",
      "--yes",
    ],
    world,
    `${sandbox.tokens.hub}\n`,
  );
}

describe("the built hub-setup without a terminal (as CI runs it)", () => {
  it("sets up a private hub from flags and a token on stdin, the token in the 0600 file store", async () => {
    const world = throwAwayWorld();
    const token = sandbox.tokens.hub;
    const run = await setUpPrivateHub(world);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("hub-setup exec -- ansible-galaxy collection install");
    expect(showsSecret(run.stdout + run.stderr, token)).toBe(false);
    const cfg = readFileSync(join(world.home, ".ansible.cfg"), "utf8");
    expect(cfg).toContain(`url = ${sandbox.urls.private.published}`);
    expect(showsSecret(cfg, token), "no token in ansible.cfg").toBe(false);
    const credentials = join(world.home, ".config", "hub-setup", "credentials");
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    expect(readFileSync(credentials, "utf8").includes(` = ${token}\n`), "the token is in the store").toBe(
      true,
    );
  }, 60_000);

  // Its own test, skipped (with the reason printed) only where ansible-galaxy is missing; never under CI.
  it.skipIf(!galaxy.available)(
    "after that setup, the real ansible-galaxy installs from the hub through hub-setup exec",
    async () => {
      const world = throwAwayWorld();
      const setup = await setUpPrivateHub(world);
      expect(setup.status, setup.stderr).toBe(0);
      const install = await runBin(
        ["exec", "--", "ansible-galaxy", "collection", "install", "sandbox.demo"],
        world,
      );
      expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
      expect(existsSync(installedCollection(world, "sandbox.demo"))).toBe(true);
      expect(showsSecret(install.stdout + install.stderr, sandbox.tokens.hub)).toBe(false);
    },
    120_000,
  );

  it("--store plaintext writes the token into ansible.cfg, warned, and makes that file and its backup 0600", async () => {
    requireBuiltBin();
    const world = throwAwayWorld();
    const cfgPath = join(world.home, ".ansible.cfg");
    writeFileSync(cfgPath, "[defaults]\nforks = 5\n", { mode: 0o644 });
    const token = sandbox.tokens.hub;
    const run = await runBin(
      [
        "--no-interactive",
        "--hub",
        "private",
        "--url",
        sandbox.urls.private.published,
        "--token-stdin",
        "--store",
        "plaintext",
        "--yes",
      ],
      world,
      `${token}\n`,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(showsSecret(run.stdout + run.stderr, token)).toBe(false);
    expect(readFileSync(cfgPath, "utf8")).toContain(`token = ${token}`);
    expect(statSync(cfgPath).mode & 0o777).toBe(0o600);
    expect(statSync(`${cfgPath}.bak`).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${cfgPath}.bak`, "utf8")).toBe("[defaults]\nforks = 5\n");
  }, 60_000);

  it("a missing answer is a usage error (exit 2) that names the flag, and writes nothing", async () => {
    requireBuiltBin();
    const cases: [string[], string][] = [
      [["--no-interactive"], "--hub"],
      [["--no-interactive", "--hub", "private"], "--url"],
      [["--no-interactive", "--hub", "cloud", "--auth-url", sandbox.urls.tokenEndpoint], "--token-stdin"],
    ];
    for (const [args, flag] of cases) {
      const world = throwAwayWorld();
      const before = snapshotTree(world.root);
      const run = await runBin(args, world);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toContain(`pass ${flag}`);
      expect(snapshotTree(world.root)).toBe(before);
    }
  }, 60_000);

  it("refuses --token on the command line, saying why, without echoing it", async () => {
    requireBuiltBin();
    const run = await runBin(["--hub", "private", "--token", sandbox.tokens.hub], throwAwayWorld());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--token is not accepted");
    expect(run.stderr).toContain("--token-stdin");
    expect(showsSecret(run.stderr, sandbox.tokens.hub)).toBe(false);
  }, 30_000);

  it("exits 3 with the hub's reason when the token is refused, and writes nothing", async () => {
    requireBuiltBin();
    const world = throwAwayWorld();
    const before = snapshotTree(world.root);
    const stale = "0123456789abcdef0123456789abcdef01234567";
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
      stale,
    );
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("token not accepted");
    expect(showsSecret(run.stdout + run.stderr, stale)).toBe(false);
    expect(snapshotTree(world.root)).toBe(before);
  }, 60_000);
});
