import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run as env } from "../src/commands/env/index.js";
import { run as status } from "../src/commands/status/index.js";
import { EXIT } from "../src/exit-codes.js";
import type { StatusReport } from "../src/commands/status/report.js";
import { hubToken } from "./support/fake-ports.js";
import { ansibleCfg, world, type World } from "./support/temp-world.js";

/** status --offline --json through the real config loader and store, no network. */
async function offlineStatus(w: World, extraEnv: Record<string, string> = {}) {
  const ctx = w.ctx({ env: extraEnv });
  const code = await status(["--json", "--offline"], ctx);
  const report = JSON.parse(ctx.io.out.join("")) as StatusReport;
  return { code, report, err: ctx.io.err.join("") };
}

describe("status reads the ansible.cfg Ansible reads", () => {
  it("names the project's file and why, and each server's token origin", async () => {
    const w = world();
    const path = w.writeConfig(ansibleCfg([{ id: "pah", url: "https://hub.example.test/api/galaxy/" }]));
    await w.storeToken("pah", hubToken(4));
    const { code, report } = await offlineStatus(w);
    expect(code).toBe(EXIT.OK);
    expect(report.config.path).toBe(path);
    expect(report.config.reason).toContain("./ansible.cfg in the current folder");
    expect(report.config.candidates.map((c) => c.chosen)).toContain(true);
    expect(report.servers[0]).toMatchObject({
      id: "pah",
      kind: "private",
      urlSource: "file",
      token: { origin: "store" },
    });
    expect(report.store.backend).toBe("file");
  });

  it("follows ANSIBLE_CONFIG, and sees servers defined by environment variables alone", async () => {
    const w = world();
    w.writeConfig(ansibleCfg([{ id: "ignored", url: "https://ignored.example.test/" }]));
    const elsewhere = join(w.root, "other");
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, "ansible.cfg"), "[defaults]\nforks = 2\n");
    const { report } = await offlineStatus(w, {
      ANSIBLE_CONFIG: elsewhere,
      ANSIBLE_GALAXY_SERVER_LIST: "envhub",
      ANSIBLE_GALAXY_SERVER_ENVHUB_URL: "https://env.example.test/api/galaxy/",
      ANSIBLE_GALAXY_SERVER_ENVHUB_TOKEN: hubToken(5),
    });
    expect(report.config.path).toBe(join(elsewhere, "ansible.cfg"));
    expect(report.servers.map((s) => s.id)).toEqual(["envhub"]);
    expect(report.servers[0]).toMatchObject({ urlSource: "env", token: { origin: "env", kind: "hub-api" } });
  });

  it("ignores ./ansible.cfg in a world-writable folder, as Ansible does, and says so", async () => {
    const w = world();
    w.writeConfig(ansibleCfg([{ id: "pah", url: "https://hub.example.test/api/galaxy/" }]));
    chmodSync(w.project, 0o777);
    const { code, report } = await offlineStatus(w);
    expect(report.config.path).not.toBe(join(w.project, "ansible.cfg"));
    expect(report.config.candidates.find((c) => c.path === join(w.project, "ansible.cfg"))?.reason).toContain(
      "world-writable",
    );
    expect(code).toBe(EXIT.ERROR);
    expect(report.problems.map((p) => p.message).join()).toContain("no galaxy server is configured here");
  });

  it("exits 5 naming the file and the line when Ansible would refuse it", async () => {
    const w = world();
    const path = w.writeConfig("[galaxy]\nserver_list = a\n[galaxy]\nserver_list = b\n");
    const ctx = w.ctx();
    expect(await status([], ctx)).toBe(EXIT.CONFIG);
    const text = ctx.io.out.join("");
    expect(text).toContain(`X ansible.cfg cannot be used: ${path}: `);
    expect(text).toMatch(/line 3/);
  });
});

describe("env through the real store", () => {
  it("prints the stored token only on stdout; stderr names the variable, never the value", async () => {
    const w = world();
    w.writeConfig(ansibleCfg([{ id: "pah", url: "https://hub.example.test/api/galaxy/" }]));
    const token = hubToken(6);
    await w.storeToken("pah", token);
    const ctx = w.ctx();
    expect(await env([], ctx)).toBe(EXIT.OK);
    expect(ctx.io.out.join("")).toBe(`export ANSIBLE_GALAXY_SERVER_PAH_TOKEN='${token}'\n`);
    expect(ctx.io.err.join("")).toContain("ANSIBLE_GALAXY_SERVER_PAH_TOKEN");
    expect(ctx.io.err.join("")).not.toContain(token);
  });
});
