// --fix for real: git repository, core's file store (in a temp XDG_CONFIG_HOME), atomic write with backup.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openSecretStore } from "@hub-setup/core/node";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { memoryIo } from "./support/memory-io.js";
import { main, type FixModule } from "../src/main.js";
import { fakeHubToken, fakeOfflineToken } from "./support/fake-tokens.js";
import { initRepo } from "./support/git-repo.js";

const git = requireTool("git");
const loadFix = () => import("../src/fix/fix-entry.js") as Promise<FixModule>;
const hub = fakeHubToken("fix-e2e");
const offline = fakeOfflineToken("fix-e2e");
const leaky = [
  "# Hubs for the build (keep this comment)",
  "[galaxy]",
  "server_list = private_hub, automation_hub",
  "",
  "[galaxy_server.private_hub]",
  "url = https://hub.example.com/api/galaxy/ ; lab hub",
  `token = ${hub}`,
  "",
  "[galaxy_server.automation_hub]",
  "url = https://console.redhat.com/api/automation-hub/content/published/",
  "auth_url = https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token",
  `#token = ${offline}`,
  `token = ${offline}`,
  "",
].join("\r\n");

/** A repository with the leaky file staged, and a file store already in use in a temp XDG_CONFIG_HOME
 * (core's "auto" choice then keeps to it, so no test ever writes to a real OS keyring). */
async function setup() {
  const repo = initRepo(tempDir());
  const env = { ...repo.env, XDG_CONFIG_HOME: join(repo.dir, ".xdg") };
  await (await openSecretStore({ env, backend: "file" })).set("unrelated", fakeHubToken("unrelated"));
  repo.write("ansible.cfg", leaky);
  repo.git("add", "ansible.cfg");
  return { repo, env };
}

describe.skipIf(!git.available)("--fix", () => {
  it("moves the tokens into the store, edits only the working tree, and says to re-stage", async () => {
    const { repo, env } = await setup();
    const io = memoryIo({ cwd: repo.dir, env });
    expect(await main(["--fix"], { io, version: "0", loadFix })).toBe(EXIT.FINDINGS);
    const out = io.out.join("");
    expect(out).not.toContain(hub);
    expect(out).not.toContain(offline);
    expect(out).toContain("git add -- ansible.cfg");

    const fixed = readFileSync(join(repo.dir, "ansible.cfg"), "utf8");
    expect(fixed).toBe(
      [
        "# Hubs for the build (keep this comment)",
        "[galaxy]",
        "server_list = private_hub, automation_hub",
        "",
        "[galaxy_server.private_hub]",
        "url = https://hub.example.com/api/galaxy/ ; lab hub",
        "",
        "[galaxy_server.automation_hub]",
        "url = https://console.redhat.com/api/automation-hub/content/published/",
        "auth_url = https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token",
        "",
      ].join("\r\n"),
    );
    expect(readdirSync(repo.dir).some((f) => f.startsWith("ansible.cfg") && f.endsWith(".bak"))).toBe(true);
    // The index still holds what was staged: --fix never touches it.
    expect(repo.git("show", ":ansible.cfg")).toBe(leaky);

    const store = await openSecretStore({ env, backend: "file" });
    expect(await store.get("private_hub")).toBe(hub);
    expect(await store.get("automation_hub")).toBe(offline);
    expect(await store.get("unrelated")).toBe(fakeHubToken("unrelated"));

    repo.git("add", "ansible.cfg");
    const again = memoryIo({ cwd: repo.dir, env });
    expect(await main([], { io: again, version: "0" })).toBe(EXIT.CLEAN);
  });

  it("never overwrites a different token the store holds for a server: that line stays, exit 1", async () => {
    const { repo, env } = await setup();
    const newer = fakeHubToken("newer-in-store");
    await (await openSecretStore({ env, backend: "file" })).set("private_hub", newer);
    const io = memoryIo({ cwd: repo.dir, env });
    expect(await main(["--fix"], { io, version: "0", loadFix })).toBe(EXIT.FINDINGS);
    const out = io.out.join("");
    expect(out).toContain(
      "ansible.cfg:7: token of [galaxy_server.private_hub] not fixed: the secret store (",
    );
    expect(out).toContain(
      "already holds a different token for private_hub; the line is left in place (run `hub-setup` to choose which to keep)",
    );
    expect(out).toContain("moved the token of [galaxy_server.automation_hub] into the secret store");
    for (const secret of [hub, offline, newer]) expect(out).not.toContain(secret);

    const store = await openSecretStore({ env, backend: "file" });
    expect(await store.get("private_hub")).toBe(newer);
    expect(await store.get("automation_hub")).toBe(offline);
    const fixed = readFileSync(join(repo.dir, "ansible.cfg"), "utf8");
    expect(fixed).toContain(`\r\ntoken = ${hub}\r\n`);
    expect(fixed).not.toContain(offline);

    // Staged again, the checker still flags the token that stayed: the commit is still stopped.
    repo.git("add", "ansible.cfg");
    expect(await main([], { io: memoryIo({ cwd: repo.dir, env }), version: "0" })).toBe(EXIT.FINDINGS);
  });

  it("says the backup it writes holds the old token, and leaves a staged backup copy alone", async () => {
    const { repo, env } = await setup();
    const old = fakeHubToken("old-in-backup");
    const backupCopy = `[galaxy_server.private_hub]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${old}\n`;
    repo.write("ansible.cfg.bak", backupCopy);
    repo.git("add", "ansible.cfg.bak");
    const io = memoryIo({ cwd: repo.dir, env });
    expect(await main(["--fix"], { io, version: "0", loadFix })).toBe(EXIT.FINDINGS);
    const out = io.out.join("");
    // The staged backup copy: not edited, its old token not put into the store.
    expect(out).toContain("ansible.cfg.bak: not fixed: a backup copy of a config file, holding an old token");
    expect(await (await openSecretStore({ env, backend: "file" })).get("private_hub")).toBe(hub);
    expect(existsSync(join(repo.dir, "ansible.cfg.bak.bak"))).toBe(false);
    // ansible.cfg was fixed, so its backup (the same name) now holds the token just moved: say so.
    expect(out).toMatch(
      /the previous version is kept as \S*ansible\.cfg\.bak: it still holds the token just removed/,
    );
    expect(readFileSync(join(repo.dir, "ansible.cfg.bak"), "utf8")).toBe(leaky);
    expect(out).not.toContain(old);
    expect(out).not.toContain(hub);
  });

  it("runs from the built command, loading its separate bundle; the hook's copy says where --fix runs", async () => {
    const { repo, env } = await setup();
    const bin = fileURLToPath(new URL("../bin/hub-token-check.cjs", import.meta.url));
    const run = spawnSync(process.execPath, [bin, "--fix"], { cwd: repo.dir, env, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(EXIT.FINDINGS);
    expect(run.stdout).toContain("moved the token of [galaxy_server.private_hub] into the secret store");
    expect(readFileSync(join(repo.dir, "ansible.cfg"), "utf8")).not.toContain(hub);

    const hook = fileURLToPath(new URL("../hook/dist/hub-token-check.cjs", import.meta.url));
    expect(existsSync(hook)).toBe(true);
    repo.write("ansible.cfg", leaky);
    const fromHook = spawnSync(process.execPath, [hook, "--fix", "ansible.cfg"], {
      cwd: repo.dir,
      env,
      encoding: "utf8",
    });
    expect(fromHook.status).toBe(EXIT.ERROR);
    expect(fromHook.stderr).toContain("npx hub-token-check --fix");
  });
});
