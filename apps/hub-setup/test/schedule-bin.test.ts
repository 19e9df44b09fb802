import { realpathSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIND_AND_RUN, systemdQuote } from "../src/commands/schedule/units.js";
import { BIN, requireBuiltBin, startBin } from "./support/built-bin.js";
import { world } from "./support/temp-world.js";
import { snapshotTree } from "./support/fs-snapshot.js";

describe("the built hub-setup schedule", () => {
  it("--print names node and the hub-setup script by absolute path, and writes nothing", async () => {
    requireBuiltBin();
    const w = world();
    // HOME, XDG_CONFIG_HOME (where the units would go) and the project all live under w.root.
    const before = snapshotTree(w.root);
    const { done } = startBin(["schedule", "--print", "--systemd"], { env: w.env, cwd: w.project });
    const result = await done;
    expect(snapshotTree(w.root), "--print wrote something").toBe(before);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`# ${join(w.home, ".config/systemd/user/hub-setup-refresh.service")}\n`);
    expect(result.stdout).toContain(
      `\nExecStart=/bin/sh -c ${systemdQuote(FIND_AND_RUN)} hub-setup ${process.execPath} ${realpathSync(BIN)} refresh --quiet\n`,
    );
    expect(result.stdout).toContain(`\nEnvironment=XDG_CONFIG_HOME=${join(w.home, ".config")}\n`);
  });

  it("--help lists the flags and says how often each job runs", async () => {
    requireBuiltBin();
    const w = world();
    const result = await startBin(["schedule", "--help"], { env: w.env, cwd: w.project }).done;
    expect(result.code).toBe(0);
    for (const flag of ["--systemd", "--cron", "--remove", "--print"]) expect(result.stdout).toContain(flag);
    expect(result.stdout).toContain("weekly");
  });
});
