import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requireTool } from "@hub-setup/test-utils";
import { requireBuiltBin, runBin } from "./support/built-bin.js";
import { throwAwayWorld } from "./support/temp-world.js";
import { snapshotTree } from "./support/fs-snapshot.js";

const galaxy = requireTool("ansible-galaxy");

describe("hub-setup demo without a terminal (what `npm start` does in CI)", () => {
  it("plays the whole flow against its own sandbox, installs a collection, exits 0, and leaves the real HOME alone", async () => {
    requireBuiltBin();
    const world = throwAwayWorld();
    const tmp = join(world.root, "tmp");
    mkdirSync(tmp);
    // A "real" user setup the demo must not read or touch.
    writeFileSync(
      join(world.home, ".ansible.cfg"),
      "[galaxy]\nserver_list = mine\n\n[galaxy_server.mine]\nurl = https://hub.example.com/\n",
    );
    world.env["TMPDIR"] = tmp;
    world.env["ANSIBLE_CONFIG"] = join(world.home, ".ansible.cfg");
    world.env["HUB_SETUP_TOKEN"] = "0123456789abcdef0123456789abcdef01234567";
    const before = snapshotTree(world.home);

    const run = await runBin(["demo"], world, undefined, 150_000);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain("No terminal: the demo answers every question itself");
    // The sandbox's hubs are named by their real host, never as console.redhat.com (issue #13 item 2).
    expect(run.stdout).toMatch(/the Automation Hub at 127\.0\.0\.1:\d+ \(offline-token sign-in\): published/);
    expect(run.stdout).toMatch(/your private automation hub \(127\.0\.0\.1:\d+\): published/);
    expect(run.stdout).not.toContain("console.redhat.com): published");
    expect(run.stdout).toContain(
      "Try it:\n  hub-setup exec -- ansible-galaxy collection install sandbox.app",
    );
    if (galaxy.available) expect(run.stdout).toContain("✔ sandbox.app is installed in");
    else expect(run.stdout).toContain("ansible-galaxy is not installed here");
    expect(run.stdout).not.toContain("0123456789abcdef0123456789abcdef01234567");

    expect(snapshotTree(world.home)).toBe(before);
    expect(readdirSync(tmp)).toEqual([]);
  }, 180_000);

  it("--keep keeps the throw-away folder and says where it is", async () => {
    requireBuiltBin();
    const world = throwAwayWorld();
    const tmp = join(world.root, "tmp");
    mkdirSync(tmp);
    world.env["TMPDIR"] = tmp;
    const run = await runBin(["demo", "--keep"], world, undefined, 150_000);
    expect(run.status, run.stderr).toBe(0);
    const kept = readdirSync(tmp);
    expect(kept).toHaveLength(1);
    expect(run.stdout).toContain(`The demo folder is kept: ${join(tmp, kept[0] ?? "")}`);
    expect(snapshotTree(join(tmp, kept[0] ?? ""))).toContain("project/ansible.cfg");
  }, 180_000);
});
